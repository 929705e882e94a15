import { describe, expect, it } from "vitest";
import { eraOf } from "../../src/model/eras/index.ts";
import { modelAt, modelFunctions } from "../../src/model/model-at.ts";
import type { GateInput, GateKind } from "../../src/model/policy-functions.ts";

/**
 * The measured behaviour of the sliced evaluateMissingDeviceIdentity per release (notes §3.2),
 * replayed on the model's gate at the same releases. A = allow, DR/UA/CUI = the reject kinds.
 */
const KIND = { A: "allow", DR: "reject-device-required", UA: "reject-unauthorized", CUI: "reject-control-ui-insecure-auth" } as const;
const RELEASES = ["2026.2.26", "2026.3.8", "2026.3.11", "2026.3.13", "2026.3.22", "2026.4.9", "2026.5.7", "2026.6.10", "2026.7.1", "2026.8.1", "2026.9.6"];

const base: GateInput = {
  hasDeviceIdentity: false, role: "node", isControlUi: false, allowInsecureAuthConfigured: false, allowBypass: false, isLocalClient: true,
  sharedAuthOk: true, authOk: true, hasSharedAuth: true, trustedProxyAuthOk: false, localBackendSelfPairingOk: false,
};
const noAuth = { sharedAuthOk: false, authOk: true, hasSharedAuth: false };
const controlUi = (extra: Partial<GateInput>, era8: boolean) => ({ ...base, role: "operator" as const, isControlUi: true, ...extra, ...(era8 ? { allowBypass: false, allowInsecureAuthConfigured: false } : {}) });

type Row = [string, (v: string) => GateInput, string];
const rows: Row[] = [
  ["node, local, token ok", () => base, "DR DR DR DR DR DR DR DR DR DR DR"],
  ["node, local, auth none", () => ({ ...base, ...noAuth }), "DR DR DR DR DR DR DR DR DR DR DR"],
  ["node, local, mode none but token sent", () => ({ ...base, sharedAuthOk: false, authOk: true, hasSharedAuth: true }), "DR DR DR DR DR DR DR DR DR DR DR"],
  ["node, local, wrong token", () => ({ ...base, sharedAuthOk: false, authOk: false }), "UA UA UA UA UA UA UA UA UA UA UA"],
  ["node, remote, token ok", () => ({ ...base, isLocalClient: false }), "DR DR DR DR DR DR DR DR DR DR DR"],
  ["node with device", () => ({ ...base, hasDeviceIdentity: true }), "A A A A A A A A A A A"],
  ["operator, local, token ok", () => ({ ...base, role: "operator" }), "A A A A A A A A A A A"],
  ["operator, local, auth none", () => ({ ...base, role: "operator", ...noAuth }), "DR DR DR DR DR DR DR DR DR DR DR"],
  ["operator, tailscale auth", () => ({ ...base, role: "operator", sharedAuthOk: false, authOk: true, hasSharedAuth: false }), "DR DR DR DR DR DR DR DR DR DR DR"],
  ["operator + localBackendSelfPairingOk", () => ({ ...base, role: "operator", ...noAuth, localBackendSelfPairingOk: true }), "DR DR DR DR DR DR DR A A A A"],
  ["node + localBackendSelfPairingOk", () => ({ ...base, ...noAuth, localBackendSelfPairingOk: true }), "DR DR DR DR DR DR DR DR DR DR DR"],
  ["Control UI operator, token ok, no bypass", (v) => controlUi({}, v >= "2026.8"), "CUI CUI CUI CUI CUI CUI CUI CUI CUI CUI CUI"],
  ["Control UI operator, token ok, bypass", (v) => controlUi({ allowBypass: true }, v >= "2026.8"), "A A A A A A A A A CUI CUI"],
  ["Control UI operator, token ok, allowInsecureAuth + local", (v) => controlUi({ allowInsecureAuthConfigured: true }, v >= "2026.8"), "A A A A A A A A A CUI CUI"],
  ["Control UI node, token ok, bypass", (v) => ({ ...controlUi({ allowBypass: true }, v >= "2026.8"), role: "node" }), "DR DR DR DR DR DR DR DR DR CUI CUI"],
];

describe("model gate reproduces the measured evaluateMissingDeviceIdentity table", () => {
  for (const [name, input, expected] of rows) {
    it(name, () => {
      const got = RELEASES.map((v) => {
        const kind: GateKind = modelFunctions(modelAt(eraOf(v), v)).evaluateMissingDeviceIdentity(input(v));
        return Object.entries(KIND).find(([, k]) => k === kind)![0];
      });
      expect(got.join(" ")).toBe(expected);
    });
  }

  it("Control UI operator, auth none, bypass: DR at 2.26 and 3.11, allowed 3.13–7.x, CUI from 8.1", () => {
    const input = (v: string) => controlUi({ allowBypass: true, ...noAuth }, v >= "2026.8");
    const at = (v: string) => modelFunctions(modelAt(eraOf(v), v)).evaluateMissingDeviceIdentity(input(v));
    expect(["2026.2.26", "2026.3.11", "2026.3.13", "2026.5.7", "2026.7.1", "2026.8.1"].map(at)).toEqual([
      KIND.DR, KIND.DR, KIND.A, KIND.A, KIND.A, KIND.CUI,
    ]);
  });
});
