import { describe, expect, it } from "vitest";
import "../release/env.ts";
import { checkImplementation } from "../../src/engine/check.ts";
import type { Implementation } from "../../src/impl/implementation.ts";
import { resolveImplementation, resolveModel } from "../../src/impl/resolve-ref.ts";
import { modelImplementation } from "../../src/impl/model-impl.ts";
import { eraOf } from "../../src/model/eras/index.ts";
import { connectPatch } from "../../src/model/patch.ts";
import { replaceRule } from "../mutants/mutate.ts";
import { checkMarkdown } from "../../src/report/markdown-check.ts";
import { checkText } from "../../src/report/text-check.ts";
import { ACCEPTED_EXCEPTIONS, findProperty } from "../../properties/index.ts";

const report = (impl: Implementation) => ({
  tool: "clawproof" as const, command: "check" as const,
  impls: [checkImplementation(impl, { properties: [findProperty("default-deny")!], exceptions: ACCEPTED_EXCEPTIONS, seed: 0, randomRuns: 0 })],
});
const unmeasuredLines = (text: string) => text.split("\n").filter((l) => l.startsWith("  ? unmeasured boundary: "));

describe("the check report names every unmeasured boundary that decided a cell", () => {
  // the listing is exercised on a 2.23 model with one rule the run hits, and one it never hits, marked
  const marked = () => modelImplementation("model:marked", eraOf("2026.2.23"), "2026.2.23", "2.23 with marked rules", connectPatch((e) => ({
    ...e,
    origin: replaceRule(e.origin, "origin.not-checked-inline", { unmeasured: "marked by the test: read, not run" }),
    controlUiPairing: replaceRule(e.controlUiPairing, "cui-pairing.bypass-and-secret", { unmeasured: "marked by the test: never reached" }),
  })));

  it("a model with marked rules: one line per marked rule the run hit, none for marked rules it never hit", () => {
    const impl = marked();
    const r = report(impl);
    const { rules, hits } = impl.coverage;
    const hit = rules.filter((x) => x.unmeasured && hits.get(x.id));
    expect(hit.length).toBeGreaterThan(0);
    expect(unmeasuredLines(checkText(r))).toEqual(hit.map((x) => `  ? unmeasured boundary: ${x.id} (${x.unmeasured})`));
    const never = rules.filter((x) => x.unmeasured && !hits.get(x.id));
    expect(never.map((x) => x.id)).toEqual(["cui-pairing.bypass-and-secret"]);
    for (const x of never) expect(checkText(r)).not.toContain(`unmeasured boundary: ${x.id} `);
    expect(r.impls[0]!.coverage.unmeasured).toEqual(hit.map((x) => ({ rule: x.id, why: x.unmeasured })));
    for (const x of hit) expect(checkMarkdown(r)).toContain(`- unmeasured boundary: \`${x.id}\` (`);
    // a pass is still a pass, and the lines are not counted as one
    expect(r.impls[0]!.properties[0]!.status).toBe("holds");
    expect(checkText(report(marked()))).toBe(checkText(r));
    // the published models: 2.23's inline operator pairing skip is measured now (live on both its boundaries); 4.5's
    // backend self-pairing skip came back where 4.2 has no function, and 4.5 moved both pairing skips into the
    // not-paired branch, a release that does not start live: the four rules of those boundaries its cells hit are listed
    expect(unmeasuredLines(checkText(report(resolveModel("2026.2.23"))))).toEqual([]);
    expect(unmeasuredLines(checkText(report(resolveModel("2026.4.5")))).map((l) => l.split(" (")[0])).toEqual([
      "  ? unmeasured boundary: backend-pairing.local-shared-secret", "  ? unmeasured boundary: backend-pairing.local-device-token",
      "  ? unmeasured boundary: pairing.control-ui-skip-new-device", "  ? unmeasured boundary: pairing.backend-skip-new-device",
    ]);
  });

  it("model:2026.9.6: the silent-pairing rules measured on the sliced function are not listed", () => {
    const text = checkText(report(resolveModel("2026.9.6")));
    expect(text).not.toMatch(/unmeasured boundary: silent\./);
  });

  it("openclaw@2026.9.6: a rule list the release's own sliced function replaces is not listed", { timeout: 600_000 }, async () => {
    const impl = await resolveImplementation("openclaw@2026.9.6");
    const text = checkText(report(impl));
    expect(impl.coverage.rules.map((r) => r.id)).not.toContain("silent.local");
    // the handshake glue the model still decides there is listed all the same (none left at 9.6)
    expect(unmeasuredLines(text)).toEqual(impl.coverage.rules.filter((r) => r.unmeasured && impl.coverage.hits.get(r.id)).map((r) => `  ? unmeasured boundary: ${r.id} (${r.unmeasured})`));
    // the pairing request's silent-or-not is the release's own sliced glue: the model's rules for it are replaced, its answers hit
    expect(impl.coverage.rules.map((r) => r.id)).not.toContain("pairing.upgrade-to-non-operator-needs-approval");
    expect(impl.coverage.hits.get("openclaw:gluePairingSilentLocal=false")).toBeGreaterThan(0);
    expect(text).not.toContain("unmeasured boundary: pairing.upgrade-to-non-operator-needs-approval");
  });
});
