import { describe, expect, it } from "vitest";
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
});
