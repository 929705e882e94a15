/**
 * A glue anchor the statement slicer refuses is kept with its reason, like a slice: a warm load
 * reports the same failure without reading the release again (before, every warm check of 9.6
 * verified and re-read the whole release only to refuse gluePairingSilentPlan once more). A
 * damaged kept refusal is never trusted: the root is sliced again.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadFromDist } from "../../src/release/load.ts";

const dist = mkdtempSync(join(tmpdir(), "clawproof-refusal-"));
// the slices of this made-up dist go to a private cache, not the project's
const sharedCache = process.env.CLAWPROOF_CACHE;
const cache = join(dist, ".cache");
process.env.CLAWPROOF_CACHE = cache;
afterAll(() => {
  process.env.CLAWPROOF_CACHE = sharedCache;
  rmSync(dist, { recursive: true, force: true });
});
// the plan's `silent` reads the enclosing function's parameter, which is not a declared input: refused
writeFileSync(
  join(dist, "plan-P1.js"),
  `//#region src/gateway/plan.ts\nfunction resolvePairingApprovalPlan(params) {\n\treturn { silent: params.reason === "not-paired" };\n}\n//#endregion\nexport { resolvePairingApprovalPlan as r };\n`,
);

const ROOT = "gluePairingSilentPlan";
let reads = 0;
const source = { label: "test-dist", version: "2026.9.6", integrity: "refusal-test", distDir: async () => (reads++, dist) };

const keptRefusals = (): string[] =>
  readdirSync(join(cache, "slices")).flatMap((key) => (readdirSync(join(cache, "slices", key)).includes("refused.json") ? [join(cache, "slices", key, "refused.json")] : []));

describe("a refused glue anchor", () => {
  it("fails the same way on a warm load without reading the release, and is sliced again when its kept refusal is damaged", async () => {
    const cold = await loadFromDist(source, [ROOT]);
    expect(cold.failed).toEqual([{ name: ROOT, error: expect.stringMatching(/^slicing failed: .*params is a parameter of the enclosing function/) }]);
    expect(cold.found).toEqual([]);
    expect(reads).toBe(1);

    const warm = await loadFromDist(source, [ROOT]);
    expect(warm.failed).toEqual(cold.failed);
    expect(warm.missing).toEqual(cold.missing);
    expect(reads).toBe(1);

    const kept = keptRefusals();
    expect(kept).toHaveLength(1);
    writeFileSync(kept[0]!, JSON.stringify({ format: 1, reason: "edited", digest: "0" }));
    const afterDamage = await loadFromDist(source, [ROOT]);
    expect(afterDamage.failed).toEqual(cold.failed);
    expect(reads).toBe(2);
  });
});
