import { describe, expect, it } from "vitest";
import { decidingFunctions } from "../../src/report/sarif.ts";

const example = (rules: string[]) => ({ verdict: { rules } }) as unknown as Parameters<typeof decidingFunctions>[0];

describe("the function a SARIF result points at", () => {
  it("is the last real function that admitted or refused: a final auth keeping an earlier success and a scope trim follow it", () => {
    const trail = ["openclaw:resolveConnectAuthState={}", "openclaw:evaluateMissingDeviceIdentity=allow", "openclaw:glueScopeClear=true", "scopes.cleared", "openclaw:resolveConnectAuthDecision=auth-ok", "pairing.no-device"];
    expect(decidingFunctions(example(trail))).toEqual(["evaluateMissingDeviceIdentity", "resolveConnectAuthState", "resolveConnectAuthDecision", "glueScopeClear"]);
  });

  it("a final auth that itself authenticates (a device token) decides", () => {
    const trail = ["openclaw:evaluateMissingDeviceIdentity=allow", "openclaw:resolveConnectAuthDecision=device-token", "pairing.paired"];
    expect(decidingFunctions(example(trail))[0]).toBe("resolveConnectAuthDecision");
  });
});
