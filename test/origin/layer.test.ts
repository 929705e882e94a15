import { describe, expect, it } from "vitest";
import { COLD } from "../release/env.ts";
import { runFunction, runLayer, type LayerFunction } from "../../src/differential/layer.ts";
import { layerReleases } from "../helpers/layer-releases.ts";
import { BROWSER_CONTEXT, BROWSER_ORIGIN_CHECK, type OriginCheckInput } from "../../src/model/origin-helper-rules.ts";
import { decide, rulesAt, type RuleList } from "../../src/model/rule.ts";
import { APPLIES_DOMAIN, CHECK_DOMAIN, CONTEXT_DOMAIN } from "../../src/origin/domain.ts";
import { BROWSER_CONTEXT_FUNCTION, ORIGIN_APPLIES, ORIGIN_CHECK, ORIGIN_LAYER } from "../../src/origin/layer.ts";
import { checkModel, contextModel } from "../../src/origin/model.ts";
import { replaceRule } from "../mutants/mutate.ts";

/** The releases around each origin boundary the issue names (2.23, 2.25, 3.11), 5.18's same-origin rule, and the newest. */
const BOUNDARY = ["2026.2.22-1", "2026.2.23", "2026.2.24", "2026.2.25", "2026.3.8", "2026.3.11", "2026.5.12", "2026.5.18", "2026.9.6"];

const { releases, runs } = layerReleases(BOUNDARY, ORIGIN_LAYER, (release) => runLayer(ORIGIN_LAYER, release), COLD * 3);

const run = (version: string, fn: LayerFunction) => runs.get(version)!.find((r) => r.fn === fn)!;
const before = (a: string, b: string) => BOUNDARY.indexOf(a) < BOUNDARY.indexOf(b);

describe.each(BOUNDARY)("the origin layer of openclaw@%s", (version) => {
  it("checkBrowserOrigin (in every release) agrees with the model on all its inputs", () => {
    expect(run(version, ORIGIN_CHECK).agreement).toMatchObject({ status: "agrees", cells: CHECK_DOMAIN.enumerate().length, mismatches: 0 });
  });

  it("the browser security context agrees where the release has it, and is reported inline before 2.25", () => {
    const a = run(version, BROWSER_CONTEXT_FUNCTION).agreement;
    if (before(version, "2026.2.25")) expect(a).toMatchObject({ status: "not-in-release", note: expect.stringContaining("kept inline") });
    else expect(a).toMatchObject({ status: "agrees", cells: CONTEXT_DOMAIN.enumerate().length, mismatches: 0 });
  });

  it("the call site's condition is a function only in 9.2+; before it is reported inline, the release's sliced guard standing in", () => {
    const a = run(version, ORIGIN_APPLIES).agreement;
    if (version === "2026.9.6") expect(a).toMatchObject({ status: "agrees", cells: APPLIES_DOMAIN.enumerate().length, mismatches: 0 });
    else expect(a).toMatchObject({ status: "not-in-release", note: expect.stringMatching(/inline in the connect handler.*the release's own guard, sliced by the glue layer \(originGuard\), stands in$/) });
  });
});

/**
 * Both sides of each measured boundary: the release just after a change answers differently
 * from the model as it stood just before, on exactly the inputs the change describes.
 */
describe("measured boundaries", () => {
  const changed = <In, Out>(fn: LayerFunction<In, Out>, model: (v: string, i: In) => { value: Out }, from: string, to: string): In[] => {
    const r = run(to, fn);
    return r.inputs.filter((input, n) => {
      const answer = r.answers![n]!;
      return answer.ok && JSON.stringify(answer.value) !== JSON.stringify(model(from, input).value);
    });
  };
  const sameHost = (i: OriginCheckInput) =>
    (i.origin === "loopback" && i.host === "loopback") || (i.origin === "lan" && i.host === "lan") || (i.origin === "foreign" && i.host === "rebound");

  it("2.22-1 → 2.23: an Origin matching the Host header passes only with the fallback knob", () => {
    const inputs = changed(ORIGIN_CHECK, checkModel, "2026.2.22-1", "2026.2.23");
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.every((i) => sameHost(i) && !i.fallback)).toBe(true);
    // a loopback page on a loopback Host still passes without the knob (the ≤3.1 loopback rule)
    expect(inputs.some((i) => i.origin === "loopback")).toBe(false);
  });

  it("2.24 → 2.25: an Origin header makes any client's Origin checked, but not with proxy headers", () => {
    const inputs = changed(BROWSER_CONTEXT_FUNCTION, contextModel, "2026.2.24", "2026.2.25");
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.every((i) => i.origin !== "none" && !i.hasProxyHeaders)).toBe(true);
  });

  it("3.8 → 3.11 (GHSA-5wcw-8jjv-m286): proxy headers no longer exempt a client from the check", () => {
    const inputs = changed(BROWSER_CONTEXT_FUNCTION, contextModel, "2026.3.8", "2026.3.11");
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.every((i) => i.origin !== "none" && i.hasProxyHeaders)).toBe(true);
  });

  it("5.12 → 5.18: a page served from the private Host it names passes (private-same-origin), the rebound public name never", () => {
    const inputs = changed(ORIGIN_CHECK, checkModel, "2026.5.12", "2026.5.18");
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.every((i) => sameHost(i) && i.host !== "rebound")).toBe(true);
  });

  it("the newest release still refuses a foreign Origin on a Host-header match unless the operator opts in or names it", () => {
    const r = run("2026.9.6", ORIGIN_CHECK);
    const at = (i: OriginCheckInput) => r.answers![r.inputs.findIndex((x) => CHECK_DOMAIN.key(x) === CHECK_DOMAIN.key(i))]!;
    const rebound: OriginCheckInput = { origin: "foreign", host: "rebound", allowlist: "loopback", fallback: false, isLocalClient: true };
    expect(at(rebound)).toMatchObject({ ok: true, value: { ok: false, reason: "origin not allowed" } });
    expect(at({ ...rebound, fallback: true })).toMatchObject({ ok: true, value: { ok: true, matchedBy: "host-header-fallback" } });
    expect(at({ ...rebound, allowlist: "wildcard" })).toMatchObject({ ok: true, value: { ok: true, matchedBy: "allowlist" } });
  });
});

/** A model whose list is mutated, run against the release: the layer must see the difference. */
function mutated<In, Out>(fn: LayerFunction<In, Out>, list: RuleList<In, Out>): LayerFunction<In, Out> {
  return { ...fn, model: (version) => (input) => decide(rulesAt(list, version), input).value };
}

describe("a mutated model rule is a mismatch", () => {
  it("a loopback Origin passing for any socket (no isLocalClient) disagrees with 9.6's checkBrowserOrigin", async () => {
    const list = replaceRule(BROWSER_ORIGIN_CHECK, "origin-check.local-loopback", { when: (i) => i.origin === "loopback" });
    const r = await runFunction(mutated(ORIGIN_CHECK, list), releases.get("2026.9.6")!);
    expect(r.agreement.status).toBe("mismatch");
    expect(r.agreement.example?.input).toMatchObject({ origin: "loopback", isLocalClient: false });
  });

  it("proxy headers still exempting a client after 3.8 disagrees with 3.11's security context", async () => {
    const list = replaceRule(BROWSER_CONTEXT, "browser-context.proxied", { until: "2026.9.7" });
    const r = await runFunction(mutated(BROWSER_CONTEXT_FUNCTION, list), releases.get("2026.3.11")!);
    expect(r.agreement.status).toBe("mismatch");
    expect(r.agreement.example?.input).toMatchObject({ hasProxyHeaders: true });
    expect(r.agreement.example?.replay).toMatch(/^npx clawproof call openclaw@2026\.3\.11 resolveHandshakeBrowserSecurityContext /);
  });

  it("a wildcard allowlist read as an ordinary entry before 3.1 is what 2.25 does (the unmutated model agrees there)", () => {
    const wildcard: OriginCheckInput = { origin: "foreign", host: "lan", allowlist: "wildcard", fallback: false, isLocalClient: false };
    const r = run("2026.2.25", ORIGIN_CHECK);
    expect(r.answers![r.inputs.findIndex((x) => CHECK_DOMAIN.key(x) === CHECK_DOMAIN.key(wildcard))]).toMatchObject({ ok: true, value: { ok: false } });
    expect(checkModel("2026.2.25", wildcard).rule).toBe("origin-check.not-allowed");
  });
});
