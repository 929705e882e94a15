import { describe, expect, it } from "vitest";
import { eraOf } from "../../src/model/eras/index.ts";
import { modelImplementation, releaseModel } from "../../src/impl/model-impl.ts";
import { checkImpl } from "../helpers/check.ts";
import { MUTANTS } from "./mutants.ts";

describe("property strength: every hand-written mutant is killed", () => {
  it("has at least 15 mutants", () => expect(MUTANTS.length).toBeGreaterThanOrEqual(15));

  for (const mutant of MUTANTS) {
    it(`${mutant.name} — killed by ${mutant.killedBy}`, () => {
      const impl = {
        ...modelImplementation(`mutant:${mutant.name}`, eraOf(mutant.version), mutant.version, mutant.name, mutant.patch),
        base: releaseModel(mutant.version),
      };
      const result = checkImpl(impl);
      const killers = result.properties.filter((p) => p.status === "violated").map((p) => p.id);
      expect(killers).toContain(mutant.killedBy);
      // a kill only counts if the unmutated model holds that property
      const unmutated = checkImpl({ ...releaseModel(mutant.version), base: releaseModel(mutant.version) }, [mutant.killedBy]);
      expect(unmutated.properties[0]!.status).toBe("holds");
    });
  }
});
