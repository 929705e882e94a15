import { describe, expect, it } from "vitest";
import { checkImplementation } from "../../src/engine/check.ts";
import { releaseModel } from "../../src/impl/model-impl.ts";
import { ROLE_SKIP } from "../../src/impl/release/adapters/role-skip.ts";
import { tabulate } from "../../src/impl/release/tabulate.ts";
import { eraOf } from "../../src/model/eras/index.ts";
import { modelAt } from "../../src/model/model-at.ts";
import { loadRelease } from "../../src/release/load.ts";
import { findProperty } from "../../properties/index.ts";

describe("a release that disagrees with its model", () => {
  it("is reported with the input, both results and a replay command", async () => {
    const slice = await loadRelease("2026.9.6", ["roleCanSkipDeviceIdentity"]);
    try {
      const era = eraOf("2026.9.6");
      const wrong = { ...era, roleSkip: { ...era.roleSkip, rules: [{ id: "every-role-skips", when: () => true, then: true, why: "a wrong model" }] } };
      const table = await tabulate("roleCanSkipDeviceIdentity", ROLE_SKIP, slice, modelAt(wrong, "2026.9.6"), "openclaw@2026.9.6");
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
    const result = checkImplementation(impl, { properties: [findProperty("remote-node-needs-identity")!], randomRuns: 0, seed: 1 });
    expect(result.properties[0]!.status).toBe("holds");
    expect(result.status).toBe("violated");
  });
});
