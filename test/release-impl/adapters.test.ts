import { describe, expect, it } from "vitest";
import { CannotCheckError } from "../../src/domain/errors.ts";
import { adapterFor } from "../../src/impl/release/release-impl.ts";
import { signatureOf, showSignature } from "../../src/impl/release/signature.ts";

describe("adapter selection by the sliced function's shape", () => {
  it("reads positional names and object fields from source", () => {
    const sig = signatureOf("function f(policy, role, _trustedProxyAuthOk) { return policy.allowBypass && policy.device; }", "f")!;
    expect(showSignature(sig)).toBe("policy{allowBypass,device}, role, _trustedProxyAuthOk");
    const destructured = signatureOf("const g = ({ role, sharedAuthOk }) => role === 'x' && sharedAuthOk;", "g")!;
    expect(destructured.reads[0]).toEqual(["role", "sharedAuthOk"]);
  });

  it("picks the adapter of each known shape", () => {
    const sig = signatureOf("function shouldSkipControlUiPairing(policy, role, trustedProxyAuthOk, authMode) {}", "shouldSkipControlUiPairing")!;
    expect(adapterFor("shouldSkipControlUiPairing", "shouldSkipControlUiPairing", sig, "test").shape).toMatch(/authMode\) → boolean/);
  });

  it("refuses a shape it does not know, naming what the function reads", () => {
    const sig = signatureOf("function evaluateMissingDeviceIdentity(params) { return params.newMysteryFlag; }", "evaluateMissingDeviceIdentity");
    expect(() => adapterFor("evaluateMissingDeviceIdentity", "evaluateMissingDeviceIdentity", sig, "openclaw@9.9.9")).toThrow(CannotCheckError);
    expect(() => adapterFor("evaluateMissingDeviceIdentity", "evaluateMissingDeviceIdentity", sig, "openclaw@9.9.9")).toThrow(
      "unsupported shape: evaluateMissingDeviceIdentity reads params{newMysteryFlag} in openclaw@9.9.9",
    );
  });
});
