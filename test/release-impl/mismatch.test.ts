import { describe, expect, it } from "vitest";
import { checkImplementation } from "../../src/engine/check.ts";
import { releaseModel } from "../../src/impl/model-impl.ts";
import { runFunction } from "../../src/differential/layer.ts";
import { openPublished } from "../../src/differential/open.ts";
import { POLICY_LAYER } from "../../src/impl/release/policy-layer.ts";
import { ACCEPTED_EXCEPTIONS, findProperty } from "../../properties/index.ts";

describe("a release that disagrees with its model", () => {
  it("is reported with the input, both results and a replay command", async () => {
    const slice = await openPublished("2026.9.6", ["roleCanSkipDeviceIdentity"]);
    try {
      const roleSkip = POLICY_LAYER.functions.find((f) => f.function === "roleCanSkipDeviceIdentity")!;
      // a wrong model: every role may skip the device check
      const table = await runFunction({ ...roleSkip, model: () => () => true }, slice);
      expect(table.agreement).toMatchObject({ status: "mismatch", cells: 4, mismatches: 3 });
      expect(table.agreement.example).toEqual({
        input: { role: "operator", sharedAuthOk: false },
        model: true,
        release: false,
        replay: `npx clawproof call openclaw@2026.9.6 roleCanSkipDeviceIdentity --args '["operator",false]'`,
      });
    } finally {
      await slice.close();
    }
  });

  it("makes the check fail (exit 1) even when every property holds", () => {
    const impl = { ...releaseModel("2026.9.6"), agreement: [{ function: "roleCanSkipDeviceIdentity", status: "mismatch" as const, cells: 4, mismatches: 1 }] };
    const result = checkImplementation(impl, { properties: [findProperty("remote-node-needs-identity")!], randomRuns: 0, seed: 1, exceptions: ACCEPTED_EXCEPTIONS });
    expect(result.properties[0]!.status).toBe("holds");
    expect(result.status).toBe("violated");
  });
});
