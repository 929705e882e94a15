import { describe, expect, it } from "vitest";
import { chooseAdapter } from "../../src/differential/choose.ts";
import { showSignature, signatureOf } from "../../src/differential/signature.ts";
import { CannotCheckError } from "../../src/domain/errors.ts";
import { adaptersFor } from "../../src/impl/release/adapters/index.ts";
import { fakeRelease } from "../helpers/fake-release.ts";

describe("adapter selection by the sliced function's shape", () => {
  it("reads positional names and object fields from source", () => {
    const sig = signatureOf("function f(policy, role, _trustedProxyAuthOk) { return policy.allowBypass && policy.device; }", "f")!;
    expect(showSignature(sig)).toBe("policy{allowBypass,device}, role, _trustedProxyAuthOk");
    const destructured = signatureOf("const g = ({ role, sharedAuthOk }) => role === 'x' && sharedAuthOk;", "g")!;
    expect(destructured.reads[0]).toEqual(["role", "sharedAuthOk"]);
  });

  it("picks the adapter of each known shape", () => {
    const release = fakeRelease({ shouldSkipControlUiPairing: "function shouldSkipControlUiPairing(policy, role, trustedProxyAuthOk, authMode) {}" });
    expect(chooseAdapter(adaptersFor("shouldSkipControlUiPairing"), release)!.shape).toMatch(/authMode\) → boolean/);
  });

  it("refuses a shape it does not know, naming what the function reads", () => {
    const release = fakeRelease({ evaluateMissingDeviceIdentity: "function evaluateMissingDeviceIdentity(params) { return params.newMysteryFlag; }" }, "openclaw@9.9.9");
    expect(() => chooseAdapter(adaptersFor("evaluateMissingDeviceIdentity"), release)).toThrow(CannotCheckError);
    expect(() => chooseAdapter(adaptersFor("evaluateMissingDeviceIdentity"), release)).toThrow(
      "unsupported shape: evaluateMissingDeviceIdentity reads params{newMysteryFlag} in openclaw@9.9.9",
    );
  });

  it("has no adapter when the release has none of the function's exports", () => {
    expect(chooseAdapter(adaptersFor("evaluateMissingDeviceIdentity"), fakeRelease({}))).toBeUndefined();
  });
});
