import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allCells } from "../../src/domain/enumerate.ts";
import { cellKey } from "../../src/domain/cell-key.ts";
import { groupCells, inCube } from "../../src/engine/group.ts";

describe("grouping cells into readable rows", () => {
  it("is a partition: every member in exactly one row, no row holding a non-member, counts adding up", () => {
    // one slice of the domain keeps the search small; the grouping does not care what the cells mean
    const domain = allCells().filter((c) => c.authMode === "token" && (c.client === "cli" || c.client === "control-ui"));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 40 }), (seed, modulus) => {
        // a structured subset (a hash of the key) so cubes overlap if grouping lets them
        const members = domain.filter((c) => [...cellKey(c)].reduce((h, ch) => (h * 31 + ch.charCodeAt(0) + seed) % 9973, 7) % modulus === 0);
        const rows = groupCells(members, domain);
        const inSet = new Set(members.map(cellKey));
        expect(rows.reduce((n, r) => n + r.cells, 0)).toBe(members.length);
        for (const m of members) expect(rows.filter((r) => inCube(r.cube, m)).length).toBe(1);
        for (const c of domain) if (!inSet.has(cellKey(c))) expect(rows.some((r) => inCube(r.cube, c))).toBe(false);
      }),
      { numRuns: 3, seed: 7 },
    );
  });
});
