/**
 * The inline glue of real releases, on both sides of every boundary it has: the statement slicer
 * finds each anchor in the shape the adapters expect (the inputs it reads), the glue layer agrees
 * with the model on every input, and a model with one glue rule changed is caught.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../release/env.ts";
import { COLD } from "../release/env.ts";
import { layerExports, runFunction, runLayer, type LayerFunction } from "../../src/differential/layer.ts";
import { openPublished } from "../../src/differential/open.ts";
import type { Release } from "../../src/differential/release.ts";
import { GLUE_LAYER, PAIRING_GLUE, PROXY_GLUE } from "../../src/glue/layer.ts";
import { modelHasProxyHeaders, modelPairingSilent } from "../../src/glue/model.ts";
import { ORIGIN_GUARD, modelOriginGuard } from "../../src/glue/origin-guard.ts";
import { eraOf } from "../../src/model/eras/index.ts";
import { modelAt } from "../../src/model/model-at.ts";
import { ORIGIN_CHECK_APPLIES } from "../../src/model/origin-helper-rules.ts";
import { decide, rulesAt } from "../../src/model/rule.ts";

const HELPER = "shouldAllowSilentLocalPairing";
/** Per release: each glue export's inputs as sliced (undefined: not in that release). */
const SHAPES: Record<string, Record<string, string[] | undefined>> = {
  "2026.2.17": { gluePairingSilentRequest: ["isLocalClient"] },
  "2026.2.19": { gluePairingSilentRequest: ["isLocalClient", "reason"] },
  "2026.2.21": { gluePairingSilentRequest: ["isLocalClient", "reason"] },
  "2026.2.22-1": { gluePairingSilentRequest: ["isLocalClient", "reason"] },
  "2026.2.24": { gluePairingSilentRequest: ["isLocalClient", "reason"], glueOriginGuardHandler: ["isControlUi", "isWebchat"] },
  "2026.2.25": { gluePairingSilentRequest: [HELPER], glueOriginGuardHandler: ["enforceOriginCheckForAnyClient", "isControlUi", "isWebchat"] },
  "2026.3.24": { gluePairingSilentRequest: [HELPER] },
  "2026.3.28": { gluePairingSilentRequest: ["reason", HELPER], glueOriginGuardHandler: ["enforceOriginCheckForAnyClient", "isBrowserOperatorUi", "isWebchat"] },
  "2026.4.21": { glueHasProxyHeaders: ["forwardedFor", "realIp"] },
  "2026.4.22": { glueHasProxyHeaders: ["upgradeReq"] },
  "2026.5.12": { gluePairingSilentRequest: ["reason", HELPER] },
  "2026.5.18": { gluePairingSilentRequest: ["existingPairedDevice", "reason", "role", HELPER] },
  "2026.7.35": { gluePairingSilentRequest: ["existingPairedDevice", "reason", "role", HELPER], gluePairingSilentPlan: undefined, glueHasProxyHeaders: ["upgradeReq"] },
  "2026.8.1": {
    gluePairingSilentRequest: undefined, gluePairingSilentPlan: ["existingPairedDevice", "role", HELPER], glueHasProxyHeaders: ["ingressAttribution"],
    glueOriginGuardHandler: undefined, glueOriginGuardAdmit: ["enforceOriginCheckForAnyClient", "isBrowserOperatorUi", "isWebchat"],
  },
  "2026.9.2": { gluePairingSilentLocal: ["existingPairedDevice", "role", HELPER], glueOriginGuardAdmit: undefined },
};

const releases = new Map<string, Release>();
beforeAll(async () => {
  for (const v of Object.keys(SHAPES)) releases.set(v, await openPublished(v, layerExports([GLUE_LAYER])));
}, COLD * 2);
afterAll(async () => {
  for (const r of releases.values()) await r.close();
});

describe.each(Object.keys(SHAPES))("openclaw@%s", (version) => {
  it("the statement slicer finds each anchor in its known shape, and nothing where the release has none", () => {
    const release = releases.get(version)!;
    const seen = Object.fromEntries(Object.keys(SHAPES[version]!).map((name) => [name, release.present(name) ? release.signature(name)!.reads[0] : undefined]));
    expect(seen).toEqual(SHAPES[version]);
  });

  it("the glue layer agrees with the model on every input", async () => {
    const runs = await runLayer(GLUE_LAYER, releases.get(version)!);
    for (const run of runs) {
      if (!run.adapter) continue;
      expect({ fn: run.fn.function, status: run.agreement.status, cells: run.agreement.cells, example: run.agreement.example })
        .toEqual({ fn: run.fn.function, status: "agrees", cells: run.fn.inputs(version).length, example: undefined });
    }
  });
});

/** The function with its model answering from a model whose rules were changed as `mutate` says. */
const withModel = <In>(fn: LayerFunction<In, boolean>, model: (version: string, input: In) => boolean): LayerFunction<In, boolean> =>
  ({ ...fn, model: (version) => (input) => model(version, input) });

describe("a changed glue rule is caught on the release around its boundary", () => {
  const without = (version: string, id: string) => {
    const m = modelAt(eraOf(version), version);
    return { ...m, pairing: { ...m.pairing, rules: m.pairing.rules.filter((r) => r.id !== id) } };
  };
  const mismatches = async <In>(version: string, fn: LayerFunction<In, boolean>) => (await runFunction(fn, releases.get(version)!)).agreement.mismatches;

  // 3.28–4.1 no rule makes an upgrade silent at all, so the veto first decides a cell from 4.2
  it("5.12 without pairing.scope-upgrade-never-silent", async () => {
    const mutated = without("2026.5.12", "pairing.scope-upgrade-never-silent");
    expect(await mismatches("2026.5.12", withModel(PAIRING_GLUE, (v, i) => modelPairingSilent(v, i, mutated).value))).toBeGreaterThan(0);
  });

  it("5.18 without pairing.upgrade-to-non-operator-needs-approval", async () => {
    const mutated = without("2026.5.18", "pairing.upgrade-to-non-operator-needs-approval");
    expect(await mismatches("2026.5.18", withModel(PAIRING_GLUE, (v, i) => modelPairingSilent(v, i, mutated).value))).toBeGreaterThan(0);
  });

  it("4.22 read with 4.21's hasProxyHeaders, and 2.25 without the any-client call-site rule", async () => {
    expect(await mismatches("2026.4.22", withModel(PROXY_GLUE, (_v, i) => modelHasProxyHeaders("2026.4.21", i)))).toBeGreaterThan(0);
    const applies = { ...ORIGIN_CHECK_APPLIES, rules: ORIGIN_CHECK_APPLIES.rules.filter((r) => r.id !== "origin-applies.any-client-inline") };
    const guard = withModel(ORIGIN_GUARD, (v, i) => decide(rulesAt(applies, v), { client: i.client, enforceOriginCheckForAnyClient: i.enforce, origin: "foreign" }).value);
    expect(await mismatches("2026.2.25", guard)).toBeGreaterThan(0);
    // and unmutated, the same bridge agrees
    expect(await mismatches("2026.2.25", withModel(ORIGIN_GUARD, (v, i) => modelOriginGuard(v, i).value))).toBe(0);
  });
});
