import type { Candidate } from "./candidate.ts";
import { insertAfter, insertBefore } from "./candidate.ts";
import { connectPatch } from "../patch.ts";

/**
 * openclaw #48285 "allow loopback node-role sessions without device identity" (closed unmerged),
 * both commits as the PR text and its mirror describe them.
 */
export const PR_48285: Candidate = {
  id: "pr-48285",
  base: "2026.3.13",
  title: "allow authenticated loopback node-role sessions without device identity",
  source: "openclaw/openclaw#48285 (mirror BingqingLyu/openclaw#848)",
  patch: connectPatch((era) => ({
    ...era,
    gate: insertAfter(era.gate, "gate.control-ui-insecure", {
      id: "pr-48285.gate.local-node-auth-ok",
      when: (i) => i.role === "node" && i.isLocalClient && i.authOk,
      then: "allow",
      why: "commit 1: a node on a local connection whose auth succeeded skips the device (no !isControlUi guard, as review noted)",
    }),
    backendPairing: insertBefore(era.backendPairing, "backend-pairing.no", {
      id: "pr-48285.backend-pairing.auth-none",
      when: (i) => i.isBackendClient && i.locality === "direct_local" && !i.hasBrowserOriginHeader && i.authMethod === "none",
      then: true,
      why: "commit 2: usesNoAuth — a local backend client under auth none skips self-pairing",
    }),
  })),
};
