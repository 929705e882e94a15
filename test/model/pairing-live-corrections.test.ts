import { describe, expect, it } from "vitest";
import { OPERATOR_SHARED_AUTH_SKIP, PAIRING_REASONS_OF } from "../../src/model/pairing-helper-rules.ts";
import { decide, rulesAt } from "../../src/model/rule.ts";
import { PAIRING } from "../../src/model/pairing-step-rules.ts";

/**
 * Two pairing behaviours a live gateway showed on 2026-12-01 that the model lacked, each read in
 * the cached bundles (.cache/releases/<ver>/dist) before it was written down:
 * - 2.24 left a remote operator's new device unpaired yet admitted it with the shared token: the
 *   handler's inline operator skip, present in the 2.22-1, 2.22, 2.23 and 2.24 bundles, absent in
 *   2.21 and 2.25.
 * - 5.12 and 5.18 refused a paired node asking to be an operator as asking for more scopes: every
 *   bundle read (2.9 … 9.6) asks role-upgrade, then scope-upgrade for scopes the node's record lacks.
 */
describe("the inline operator pairing skip (2.22-1–2.24)", () => {
  const skips = (version: string, role: "operator" | "node", sharedAuthOk: boolean, browserUi: boolean) =>
    decide(rulesAt(OPERATOR_SHARED_AUTH_SKIP, version), { role, sharedAuthOk, browserUi }).value;

  it("skips pairing for a non-browser operator with a verified secret on 2.22-1 and 2.24 only", () => {
    expect(skips("2026.2.21", "operator", true, false)).toBe(false);
    expect(skips("2026.2.22-1", "operator", true, false)).toBe(true);
    expect(skips("2026.2.24", "operator", true, false)).toBe(true);
    expect(skips("2026.2.25", "operator", true, false)).toBe(false);
  });

  it("never for a node, a failed secret, or the Control UI and WebChat", () => {
    expect(skips("2026.2.24", "node", true, false)).toBe(false);
    expect(skips("2026.2.24", "operator", false, false)).toBe(false);
    expect(skips("2026.2.24", "operator", true, true)).toBe(false);
  });
});

describe("the reasons a paired device's request carries", () => {
  const reasons = (upgrade: "none" | "scopes" | "role", requestedRole: "operator" | "node", paired = true) =>
    decide(PAIRING_REASONS_OF, { paired, upgrade, requestedRole }).value;

  it("a node asking to be an operator asks a role upgrade and then a scope upgrade", () => {
    expect(reasons("role", "operator")).toEqual(["role-upgrade", "scope-upgrade"]);
  });

  it("an operator asking to be a node asks only the role upgrade; more scopes only the scope upgrade", () => {
    expect(reasons("role", "node")).toEqual(["role-upgrade"]);
    expect(reasons("scopes", "node")).toEqual(["scope-upgrade"]);
    expect(reasons("none", "operator", false)).toEqual(["not-paired"]);
    expect(reasons("none", "operator")).toEqual([]);
  });
});

describe("the backend and Control UI pairing skips on a paired device (4.5–7.35)", () => {
  // the pairing step's own input: a paired device asking for more scopes, which a skip would let through
  const step = (version: string, skip: "backend" | "control-ui", paired: boolean, upgrade: "none" | "scopes") =>
    decide(rulesAt(PAIRING, version), {
      hasDevice: true, controlUiSkip: skip === "control-ui", backendSkip: skip === "backend", paired, silent: false, upgrade,
      approvedRole: "operator", localSilentOk: false, isLocalClient: true, method: "token", operatorSharedAuthSkip: false,
    }).value;

  it("4.5–7.35 skip only a device not paired yet; 4.2 and 8.1 skip a paired device's upgrade too", () => {
    for (const skip of ["backend", "control-ui"] as const) {
      expect(step("2026.4.2", skip, true, "scopes")).toBe("skipped");
      expect(step("2026.4.5", skip, true, "scopes")).toBe("required");
      expect(step("2026.7.35", skip, true, "scopes")).toBe("required");
      expect(step("2026.7.35", skip, true, "none")).toBe("paired");
      expect(step("2026.7.35", skip, false, "none")).toBe("skipped");
      expect(step("2026.8.1", skip, true, "scopes")).toBe("skipped");
    }
  });

  it("from 8.1 the Control UI's Tailscale-device skip still covers only a device not paired yet (the auth-none one any device)", () => {
    const tailscale = (version: string, paired: boolean) => decide(rulesAt(PAIRING, version), {
      hasDevice: true, controlUiSkip: true, backendSkip: false, paired, silent: false, upgrade: "scopes",
      approvedRole: "operator", localSilentOk: false, isLocalClient: false, method: "tailscale", operatorSharedAuthSkip: false,
    }).value;
    expect(tailscale("2026.9.6", true)).toBe("required");
    expect(tailscale("2026.9.6", false)).toBe("skipped");
  });
});
