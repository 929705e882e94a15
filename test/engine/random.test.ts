import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellArbitrary } from "../../src/domain/arbitraries.ts";
import { cellKey } from "../../src/domain/cell-key.ts";
import type { Cell } from "../../src/domain/cell.ts";
import { parseCellPattern } from "../../src/domain/cell-key.ts";
import { checkImplementation } from "../../src/engine/check.ts";
import { randomPass } from "../../src/engine/random.ts";
import { violation, type Property } from "../../src/engine/property.ts";
import { resolveModel } from "../../src/impl/resolve-ref.ts";
import { ACCEPTED_EXCEPTIONS } from "../../properties/index.ts";

/** A property every node cell violates: a run limited to operators must never report it. */
const nodesFail: Property = {
  id: "test-nodes-fail", statement: "no node cell", why: "test", kind: "cell",
  cells: () => true,
  check: (c) => (c.role === "node" ? violation("a node cell") : undefined),
};

describe("the seeded random pass", () => {
  it("stays inside the --cell filter: a counterexample outside it cannot fail a filtered run", () => {
    const run = (cells?: string) =>
      checkImplementation(resolveModel("2026.9.6"), { properties: [nodesFail], exceptions: ACCEPTED_EXCEPTIONS, seed: 3, randomRuns: 300, ...(cells ? { cells: parseCellPattern(cells) } : {}) });
    const filtered = run("role=operator");
    expect(filtered.properties[0]!.status).toBe("holds");
    expect(filtered.random.failed).toBe(false);
    const whole = run();
    expect(whole.random.failed).toBe(true);
  });

  it("replays a filtered failure with its filter", () => {
    const impl = resolveModel("2026.9.6");
    const ctx = { impl, verdict: (c: Parameters<typeof impl.decide>[0]) => impl.decide(c) };
    const { failures } = randomPass([nodesFail], ctx, impl.ref, 3, 300, ACCEPTED_EXCEPTIONS, parseCellPattern("client=cli"));
    expect(failures[0]!.counterexample.replay).toMatch(/--property test-nodes-fail --cell client=cli --seed 3$/);
    expect(failures[0]!.counterexample.key).toMatch(/client=cli/);
  });

  it("draws once for all properties yet fails each one exactly where fc.check on its own fails it", () => {
    const impl = resolveModel("2026.9.6");
    const ctx = { impl, verdict: (c: Parameters<typeof impl.decide>[0]) => impl.decide(c) };
    // the 60th cell fc.check draws for seed 5 is the only one these properties fail (or throw) on
    const target = cellKey(fc.sample(fc.property(cellArbitrary, (_c: Cell) => true), { seed: 5, numRuns: 60 })[59]![0]);
    const only = (id: string, fail: () => ReturnType<Property["check"]>): Property => ({
      id, statement: id, why: "test", kind: "cell", cells: () => true, check: (c) => (cellKey(c) === target ? fail() : undefined),
    });
    const fails = only("test-fails-on-one", () => violation("the one cell"));
    const throws = only("test-throws-on-one", () => { throw new Error("thrown on the one cell"); });
    const direct = fc.check(fc.property(cellArbitrary, (c) => !fails.check(c, ctx)), { seed: 5, numRuns: 200 });
    const { failures } = randomPass([nodesFail, fails], ctx, impl.ref, 5, 200, ACCEPTED_EXCEPTIONS);
    expect(failures.map((f) => f.property)).toEqual(["test-nodes-fail", "test-fails-on-one"]);
    expect(failures[1]!.counterexample.key).toBe(cellKey(direct.counterexample![0]));
    expect(failures[1]!.counterexample.path).toBe(direct.counterexamplePath);
    // a throw is not swallowed by the shared draw: it reaches the caller as it did through fc.check
    expect(() => randomPass([throws], ctx, impl.ref, 5, 200, ACCEPTED_EXCEPTIONS)).toThrow("thrown on the one cell");
  });
});
