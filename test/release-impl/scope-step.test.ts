/**
 * Before 3.31 the composed handshake's scope clearing is the release's own inline clearing (the
 * glue layer's scopeClearGlue), tabulated on shouldClearUnboundScopes' domain and asked in that
 * function's place: a flipped answer changes the verdict, an input the table lacks is "cannot
 * check" (never the model), and the step's provenance names the glue and its input count.
 */
import { describe, expect, it } from "vitest";
import "../release/env.ts";
import { COLD } from "../release/env.ts";
import type { Cell } from "../../src/domain/cell.ts";
import { CannotCheckError } from "../../src/domain/errors.ts";
import { runFunction } from "../../src/differential/layer.ts";
import { openPublished } from "../../src/differential/open.ts";
import type { Release } from "../../src/differential/release.ts";
import { GLUE_LAYER } from "../../src/glue/layer.ts";
import { SCOPE_GLUE } from "../../src/glue/scope-clear.ts";
import { provenanceOf } from "../../src/impl/release/provenance.ts";
import { answerTable, policyTablesOf, type StoredLayer } from "../../src/impl/release/release-impl.ts";
import { mixedFunctions } from "../../src/impl/release/tabulate.ts";
import { eraOf } from "../../src/model/eras/index.ts";
import { policyDomain } from "../../src/model/function-domains.ts";
import { runHandshake } from "../../src/model/handshake.ts";
import { modelAt, modelFunctions } from "../../src/model/model-at.ts";
import type { ScopeClearInput } from "../../src/model/policy-functions.ts";

const VERSION = "2026.3.22";
const model = modelAt(eraOf(VERSION), VERSION);

/** A device-less remote CLI operator with the right token: admitted, and on 3.22 its declared scopes emptied (a secret clears them there). */
const REMOTE_CLI: Cell = {
  role: "operator", client: "cli", device: "none", authMode: "token", credential: "secret-ok", locality: "remote", origin: "none",
  allowInsecureAuth: false, dangerouslyDisableDeviceAuth: false, upgrade: "none", forwarded: false, hostHeader: "gateway", withDeviceToken: false, proxySocket: "lan",
};

type GlueLayers = Record<string, Pick<StoredLayer, "tables" | "sliced">>;

/** The glue layer as a release check stores it, with only the scope glue run (on its 896-ish inputs: cheap). */
async function glueLayerOf(version: string): Promise<{ ref: string; layers: GlueLayers }> {
  const release: Release = await openPublished(version, ["glueScopeClear"]);
  try {
    const run = await runFunction(SCOPE_GLUE, release);
    expect(run.adapter?.real).toBe("glueScopeClear");
    const layer = { sliced: { [SCOPE_GLUE.function]: { real: run.adapter!.real, cells: run.inputs.length } }, tables: { [SCOPE_GLUE.function]: answerTable(run, version) } };
    return { ref: release.ref, layers: { [GLUE_LAYER.id]: layer } };
  } finally {
    await release.close();
  }
}

const composed = (ref: string, layers: GlueLayers, cell: Cell) =>
  runHandshake(cell, model, mixedFunctions(model, policyTablesOf(layers, VERSION), ref), () => {});

/** The scope input the handshake hands the function for this cell (the model's handshake, watched). */
function scopeInputOf(cell: Cell): Record<string, unknown> {
  let seen: ScopeClearInput | undefined;
  runHandshake(cell, model, (h) => ({ ...modelFunctions(model, h), shouldClearUnboundScopes: (i) => ((seen = i), modelFunctions(model, h).shouldClearUnboundScopes(i)) }), () => {});
  return { ...seen! };
}

/** The glue layer with the scope table's answer at one key replaced (undefined: removed). */
function withAnswer(layers: GlueLayers, key: string, answer: unknown): GlueLayers {
  const glue = layers[GLUE_LAYER.id]!;
  const { [key]: _, ...rest } = glue.tables![SCOPE_GLUE.function]!;
  const table = answer === undefined ? rest : { ...rest, [key]: answer };
  return { [GLUE_LAYER.id]: { ...glue, tables: { [SCOPE_GLUE.function]: table } } };
}

describe("the release's own inline scope clearing decides the composed handshake's scope step before 3.31", () => {
  it("3.22: its sliced glue clears the remote CLI's scopes; a table saying keep keeps them; a missing input cannot be checked", { timeout: COLD }, async () => {
    const { ref, layers } = await glueLayerOf(VERSION);
    const real = composed(ref, layers, REMOTE_CLI);
    expect(real).toMatchObject({ outcome: "admit", scopes: "cleared" });
    expect(real.rules).toContain("openclaw:glueScopeClear=true");
    const key = policyDomain("shouldClearUnboundScopes", VERSION).key(scopeInputOf(REMOTE_CLI));
    expect(layers[GLUE_LAYER.id]!.tables![SCOPE_GLUE.function]![key]).toBe(true);
    expect(composed(ref, withAnswer(layers, key, false), REMOTE_CLI)).toMatchObject({ outcome: "admit", scopes: "kept" });
    expect(() => composed(ref, withAnswer(layers, key, undefined), REMOTE_CLI)).toThrow(CannotCheckError);
  });
});

describe("the scope step's provenance", () => {
  const release = { version: VERSION, decider: "sliced" } as Release;
  const locality = { sliced: { isLocalDirectRequest: { real: "isLocalDirectRequest", cells: 6 } }, agreement: [] };
  const scopes = (glue: Record<string, { real: string; cells: number }>) =>
    provenanceOf(release, model, [locality, { sliced: glue, agreement: [] }]).find((p) => p.step === "shouldClearUnboundScopes")!;

  it("names the release's sliced glue and its input count where it has it, and the model with why elsewhere", () => {
    expect(scopes({ [SCOPE_GLUE.function]: { real: "glueScopeClear", cells: 896 } })).toMatchObject({
      decidedBy: "sliced", detail: expect.stringMatching(/^the release's sliced inline glueScopeClear \(scopeClearGlue, cut from the connect handler, where it has no shouldClearUnboundScopes of its own\) on 896 inputs$/),
    });
    expect(scopes({})).toMatchObject({ decidedBy: "model", detail: expect.stringMatching(/^E\S+ model at 2026\.3\.22: .*; scopeClearGlue: not in this release$/) });
  });
});
