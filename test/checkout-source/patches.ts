/**
 * Changes a contributor would make to OpenClaw's sources, applied to a fixture's files at test time.
 * Each inserts one statement in a named function, before the statement an anchor matches, so the
 * patch lands where the change described it whatever the release's formatting.
 */
import { patchFile } from "./fixture.ts";

/** Inserts `statement` in function `fn` of `file`, before the first line of its body matching `anchor`. */
export function insertInFunction(root: string, file: string, fn: string, anchor: RegExp, statement: string): void {
  patchFile(root, file, (text) => {
    const start = text.search(new RegExp(`^(?:export\\s+)?function ${fn}\\(`, "m"));
    if (start < 0) return text;
    const end = text.indexOf("\n}", start);
    const body = text.slice(start, end);
    const at = body.split("\n").findIndex((line) => anchor.test(line));
    if (at <= 0) return text;
    const lines = body.split("\n");
    const indent = /^\s*/.exec(lines[at]!)![0];
    lines.splice(at, 0, `${indent}${statement}`);
    return text.slice(0, start) + lines.join("\n") + text.slice(end);
  });
}

const CONNECT_POLICY = "src/gateway/server/ws-connection/connect-policy.ts";
const HANDSHAKE_HELPERS = "src/gateway/server/ws-connection/handshake-auth-helpers.ts";

/**
 * openclaw#48285 as its two commits describe it: (1) a node on a local connection whose auth
 * succeeded skips the device requirement, placed after the Control-UI insecure-auth check and
 * before the operator shared-auth rule; (2) a local backend client under auth mode none skips
 * self-pairing. `guarded` adds the review's `!isControlUi` condition to (1).
 */
export function applyPr48285(root: string, opts: { guarded?: boolean } = {}): void {
  const guard = opts.guarded ? " && !params.isControlUi" : "";
  insertInFunction(root, CONNECT_POLICY, "evaluateMissingDeviceIdentity", /roleCanSkipDeviceIdentity\(/,
    `if (params.role === "node" && params.isLocalClient && params.authOk${guard}) return { kind: "allow" };`);
  insertInFunction(root, HANDSHAKE_HELPERS, "shouldSkipBackendSelfPairing", /^\s*return params\.isLocalClient/,
    `if (params.isLocalClient && !params.hasBrowserOriginHeader && params.authMethod === "none") return true;`);
}

/** Renames a policy function everywhere in its file and its importers (a refactor the checker must notice). */
export function renameEverywhere(root: string, files: readonly string[], from: string, to: string): void {
  const word = new RegExp(`(?<![\\w$])${from}(?![\\w$])`, "g");
  for (const f of files) {
    try {
      patchFile(root, f, (text) => text.replace(word, to));
    } catch {
      // a file that does not mention the name is left as it is
    }
  }
}
