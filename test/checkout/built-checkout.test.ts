/**
 * `path:` on a built checkout, from fixtures made at test time out of a release's own dist (copied
 * from the cache into a temp folder with a package.json; nothing of OpenClaw is committed). The
 * unmodified copy is checked on every layer; a copy whose gate function was renamed, or half of
 * whose bundle is missing, is exit 2 naming what was not found, never "the model stands in".
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../release/env.ts";
import { CheckReportSchema } from "../../src/engine/results.ts";
import { fetchRelease } from "../../src/release/fetch.ts";
import { clawproof } from "../helpers/cli.ts";

const VERSION = "2026.9.6";
const made: string[] = [];
let dist = "";

beforeAll(async () => {
  dist = (await fetchRelease(VERSION)).distDir;
}, 300_000);
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the release's dist as a checkout folder; `edit` may change it before it is checked. */
function checkout(edit: (dist: string) => void = () => {}, pkg: Record<string, unknown> = { name: "openclaw", version: VERSION }): string {
  const root = mkdtempSync(join(tmpdir(), "clawproof-checkout-"));
  made.push(root);
  cpSync(dist, join(root, "dist"), { recursive: true });
  writeFileSync(join(root, "package.json"), JSON.stringify(pkg));
  edit(join(root, "dist"));
  return root;
}

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && /\.m?js$/.test(e.name)).map((e) => join(e.parentPath, e.name)).sort();

describe("path: on a built checkout", () => {
  it("checks every layer of an unmodified copy of a release's dist, each decided by the sliced code", { timeout: 600_000 }, () => {
    const root = checkout();
    const run = clawproof("check", `path:${root}`, "--property", "remote-origin-node-needs-identity", "--format", "json", "--seed", "3");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const impl = CheckReportSchema.parse(JSON.parse(run.stdout)).impls[0]!;
    const agreed = impl.agreement!.filter((a) => a.status === "agrees").map((a) => a.function);
    // one function of each layer: policy, auth, connect-auth state, pairing locality, locality
    for (const fn of ["evaluateMissingDeviceIdentity", "authorizeGatewayConnect", "resolveConnectAuthState", "resolvePairingLocality", "isLocalDirectRequest", "ingressAttribution"]) {
      expect(agreed).toContain(fn);
    }
    expect(impl.agreement!.filter((a) => a.status === "mismatch")).toEqual([]);
    expect(impl.provenance.find((p) => p.step === "locality")).toMatchObject({ decidedBy: "sliced" });
    expect(impl.provenance.find((p) => p.step === "evaluateMissingDeviceIdentity")).toMatchObject({ decidedBy: "sliced", detail: "evaluateMissingDeviceIdentity on 2048 inputs" });
  });

  it("is exit 2 naming evaluateMissingDeviceIdentity when the checkout renamed it (with a node exemption inside)", { timeout: 600_000 }, () => {
    const root = checkout((d) => {
      for (const file of files(d)) {
        const text = readFileSync(file, "utf8");
        if (!text.includes("evaluateMissingDeviceIdentity")) continue;
        // the renamed gate lets device-less nodes in first: a change the model must never stand in for
        const renamed = text
          .replaceAll("evaluateMissingDeviceIdentity", "evaluateDeviceIdentityGate")
          .replace(/(function evaluateDeviceIdentityGate\(params\) \{)/, `$1 if (params.role === "node") return { kind: "allow" };`);
        writeFileSync(file, renamed);
      }
    });
    const run = clawproof("check", `path:${root}`);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toEqual([`clawproof: evaluateMissingDeviceIdentity not found in path:${root}: renamed, inlined, or the cache is damaged`]);
  });

  it("is exit 2, never 'not in this release', when half the dist is deleted", { timeout: 600_000 }, () => {
    const root = checkout((d) => files(d).forEach((file, i) => i % 2 === 0 && rmSync(file)));
    const run = clawproof("check", `path:${root}`);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^clawproof: .*(not found in|cannot be run)/);
    expect(run.stdout).not.toMatch(/not in this release|stands in/);
  });

  it("is exit 2 for a folder that is not an openclaw package", () => {
    const root = checkout(() => {}, { name: "left-pad", version: "1.0.0" });
    const run = clawproof("check", `path:${root}`);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`clawproof: path:${root} is not an openclaw package (package.json names "left-pad")\n`);
  });
});
