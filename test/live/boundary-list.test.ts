import { describe, expect, it } from "vitest";
import type { Layer, LayerFunction } from "../../src/differential/layer.ts";
import { ruleBoundaries, slicedAcross } from "../../src/live/boundary-list.ts";
import { AUTH } from "../../src/model/auth-rules.ts";
import { ORIGIN_CHECK_APPLIES } from "../../src/model/origin-helper-rules.ts";
import { PAIRING } from "../../src/model/pairing-step-rules.ts";
import type { RuleList } from "../../src/model/rule.ts";

const list: RuleList<unknown, unknown> = { name: "toy", rules: [] };

/** A toy function, expected in every release, whose model answer is `answer(version)` on inputs `inputs(version)`. */
function toy(name: string, answer: (version: string) => number, inputs: (version: string) => number[] = () => [1, 2], extra: Partial<LayerFunction> = {}): LayerFunction {
  return {
    function: name,
    adapters: [{ real: name, shape: "toy", releases: {}, matches: () => true, toArgs: (i) => [i], fromResult: (v) => v }],
    inputs,
    model: (version) => () => answer(version),
    show: (i) => ({ i }),
    ...extra,
  };
}
const layers = (...functions: LayerFunction[]): Layer[] => [{ id: "toy", functions }];

describe("boundaries: which real code measures each side", () => {
  it("one function on both sides credits the boundary only where its model's answers change there", () => {
    const moves = toy("toy", (v) => (v === "2026.3.2" ? 1 : 0));
    expect(slicedAcross(list, "2026.3.1", "2026.3.2", layers(moves))).toEqual({ sliced: true, detail: "toy (toy layer) sliced on both sides (every release's check compares it with the model)" });
    const still = toy("toy", () => 0);
    const blind = slicedAcross(list, "2026.3.1", "2026.3.2", layers(still));
    expect(blind.sliced).toBe(false);
    expect(blind.detail).toContain("sliced on both sides, but its model answers do not change there");
  });

  it("a domain that grows at the boundary counts as seeing it, and says so", () => {
    const grows = toy("toy", () => 0, (v) => (v === "2026.3.2" ? [1, 2, 3] : [1, 2]));
    expect(slicedAcross(list, "2026.3.1", "2026.3.2", layers(grows)).detail).toContain("(its domain changes there)");
  });

  it("inline code handing over to a function of its own is credited to each on its side, and only where both sides have real code", () => {
    const inline = toy("toyGlue", () => 0, undefined, { answers: [{ list: "toy", until: "2026.3.2" }] });
    const fn = { ...toy("toy", () => 1), adapters: [{ ...toy("toy", () => 1).adapters[0]!, releases: { since: "2026.3.2" } }] };
    expect(slicedAcross(list, "2026.3.1", "2026.3.2", layers(inline, fn))).toEqual({
      sliced: true, detail: "toyGlue (toy layer) on 2026.3.1, toy (toy layer) on 2026.3.2, each sliced and held to the model on its side",
    });
    const alone = slicedAcross(list, "2026.3.1", "2026.3.2", layers(fn));
    expect(alone).toEqual({ sliced: false, detail: "2026.3.1: nothing slices it; 2026.3.2: toy (toy layer)" });
  });

  it("a function that names the list's rules in its answers is credited for a rule only where that rule decides one of its inputs", () => {
    const ruled: RuleList<unknown, unknown> = { name: "toy", rules: [{ id: "toy.a", when: () => true, then: 0, why: "" }, { id: "toy.b", since: "2026.3.2", when: () => true, then: 1, why: "" }] };
    const decidedByA = toy("toy", (v) => (v === "2026.3.2" ? 1 : 0), undefined, { show: () => ({ modelRule: "toy.a" }) });
    expect(slicedAcross(ruled, "2026.3.1", "2026.3.2", layers(decidedByA), { id: "toy.b", side: "since" }).sliced).toBe(false);
    expect(slicedAcross(ruled, "2026.3.1", "2026.3.2", layers(decidedByA), { id: "toy.a", side: "since" }).sliced).toBe(true);
    // rules of another list (or none named) say nothing about this one: the function-level judgement stands
    const otherList = toy("toy", (v) => (v === "2026.3.2" ? 1 : 0), undefined, { show: () => ({ modelRule: "elsewhere.x" }) });
    expect(slicedAcross(ruled, "2026.3.1", "2026.3.2", layers(otherList), { id: "toy.b", side: "since" }).sliced).toBe(true);
  });

  it("a function whose model has nothing at a version is not credited there", () => {
    const gone = { ...toy("toy", () => 0), model: (v: string) => (v === "2026.3.2" ? undefined : () => 0) };
    expect(slicedAcross(list, "2026.3.1", "2026.3.2", layers(gone)).sliced).toBe(false);
  });

  it("the real layers credit the glue: the pairing glue on both sides of 2.19, the origin guard handing over to resolveGatewayWsBrowserOrigin at 9.2", () => {
    const pairing = slicedAcross(PAIRING as RuleList<unknown, unknown>, "2026.2.17", "2026.2.19");
    expect(pairing.detail).toMatch(/^pairingGlue \(glue layer\) sliced on both sides/);
    expect(slicedAcross(ORIGIN_CHECK_APPLIES as RuleList<unknown, unknown>, "2026.9.1", "2026.9.2")).toEqual({
      sliced: true, detail: "originGuard (glue layer) on 2026.9.1, resolveGatewayWsBrowserOrigin (origin layer) on 2026.9.2, each sliced and held to the model on its side",
    });
    // the auth stage's sharedAuthOk change at 2.23 is seen by resolveConnectAuthState, not by authorizeGatewayConnect's comparison
    expect(slicedAcross(AUTH as RuleList<unknown, unknown>, "2026.2.22", "2026.2.23").detail).toBe("resolveConnectAuthState (connect-auth-state layer) sliced on both sides (every release's check compares it with the model)");
    // the listing uses the same judgement for every boundary no live one measures
    const listed = ruleBoundaries().find((b) => b.rule === "auth.proxy-ok-shared" && b.side === "since");
    expect(listed).toMatchObject({ how: "sliced", before: "2026.2.22", after: "2026.2.23" });
  });
});
