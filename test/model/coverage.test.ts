import { describe, expect, it } from "vitest";
import { isPrerelease } from "../../src/domain/versions.ts";
import { publishedReleases } from "../../src/model/releases.ts";
import { CANDIDATES } from "../../src/model/candidates/index.ts";
import { checkModel } from "../helpers/check.ts";

describe("rule coverage", () => {
  const versions = publishedReleases().map((r) => r.version).filter((v) => !isPrerelease(v));
  it(`every rule of every release's model (${versions.length}) and of every candidate is hit`, () => {
    for (const spec of [...versions, ...CANDIDATES.map((c) => c.id)]) {
      const { coverage } = checkModel(spec, ["default-deny"]);
      expect({ spec, missed: coverage.missed, unreachableHit: coverage.unreachableHit }).toEqual({ spec, missed: [], unreachableHit: [] });
    }
  });
});
