/**
 * The composed handshake's auth step is the release's own sliced auth: resolveConnectAuthState's
 * facts where the release has it (2.22+), authorizeGatewayConnect's outcomes before. A wrong auth
 * table changes the verdict, an auth cell the table lacks is "cannot check" (never the model),
 * and the step's provenance names the function that decided it.
 */
import { describe, expect, it } from "vitest";
import "../release/env.ts";
import { COLD } from "../release/env.ts";
import { authCellKey, presentsSecret } from "../../src/auth/auth-cell.ts";
import { sharedOnlyCell } from "../../src/auth/connect-state.ts";
import { AUTH_LAYER, AUTHORIZE, CONNECT_STATE, CONNECT_STATE_LAYER, drivenByConnectState } from "../../src/auth/real/layer.ts";
import type { Cell } from "../../src/domain/cell.ts";
import { CannotCheckError } from "../../src/domain/errors.ts";
import { layerExports, runFunction } from "../../src/differential/layer.ts";
import { openPublished } from "../../src/differential/open.ts";
import type { Release } from "../../src/differential/release.ts";
import { askedAuthCells, authAnswersOf, type AuthAnswers } from "../../src/impl/release/auth-table.ts";
import { provenanceOf } from "../../src/impl/release/provenance.ts";
import { authStepOf, type StoredLayer } from "../../src/impl/release/release-impl.ts";
import { authCellOf } from "../../src/model/auth-bridge.ts";
import { eraOf } from "../../src/model/eras/index.ts";
import { runHandshake } from "../../src/model/handshake.ts";
import { modelAt, modelFunctions } from "../../src/model/model-at.ts";

/** A device-less local CLI operator with the right token: admitted on the shared secret alone. */
const LOCAL_CLI: Cell = {
  role: "operator", client: "cli", device: "none", authMode: "token", credential: "secret-ok", locality: "local", origin: "none",
  allowInsecureAuth: false, dangerouslyDisableDeviceAuth: false, upgrade: "none", forwarded: false, hostHeader: "gateway", withDeviceToken: false, proxySocket: "lan",
};

type AuthLayers = Record<string, Pick<StoredLayer, "authAnswers">>;

/** The release's auth layers' tables, each function run only on the auth cells the tables keep (the layers run them on every auth cell). */
async function authLayersOf(version: string): Promise<{ release: Pick<Release, "ref" | "version">; layers: AuthLayers }> {
  const release = await openPublished(version, layerExports([AUTH_LAYER, CONNECT_STATE_LAYER]));
  try {
    const asked = askedAuthCells();
    const authorizeInputs = asked.flatMap((c) => (presentsSecret(c) ? [c, sharedOnlyCell(c)] : [c]));
    const authorize = authAnswersOf(await runFunction(AUTHORIZE, release, authorizeInputs));
    const state = authAnswersOf(await runFunction(CONNECT_STATE, release, asked.filter(drivenByConnectState)));
    const layers: AuthLayers = { [AUTH_LAYER.id]: { authAnswers: authorize }, [CONNECT_STATE_LAYER.id]: { authAnswers: state } };
    return { release: { ref: release.ref, version }, layers };
  } finally {
    await release.close();
  }
}

/** The handshake with the release's auth step as the layers' tables give it (every other function the model's). */
function composed(release: Pick<Release, "ref" | "version">, layers: AuthLayers, cell: Cell) {
  const model = modelAt(eraOf(release.version), release.version);
  const auth = authStepOf(release, layers);
  expect(auth).toBeDefined();
  return runHandshake(cell, model, (h) => modelFunctions(model, h), () => {}, undefined, auth!.step);
}

/** The table with one auth cell's answer replaced. */
const withAnswer = (table: AuthAnswers, cell: Cell, answer: unknown): AuthAnswers => ({ ...table, answers: { ...table.answers, [authCellKey(authCellOf(cell))]: answer } });
const without = (table: AuthAnswers, cell: Cell): AuthAnswers => {
  const { [authCellKey(authCellOf(cell))]: _, ...answers } = table.answers;
  return { ...table, answers };
};

describe("the release's own auth decides the composed handshake's auth step", () => {
  it("9.6: resolveConnectAuthState's facts decide; a table saying the right token failed rejects the local CLI; a missing auth cell cannot be checked", { timeout: COLD }, async () => {
    const { release, layers } = await authLayersOf("2026.9.6");
    const state = layers[CONNECT_STATE_LAYER.id]!.authAnswers!;
    expect(state.real).toBe("resolveConnectAuthState");
    const real = composed(release, layers, LOCAL_CLI);
    expect(real).toMatchObject({ outcome: "admit" });
    expect(real.rules).toContain(`openclaw:resolveConnectAuthState=${JSON.stringify({ authOk: true, authMethod: "token", sharedAuthOk: true })}`);
    const wrong = { ...layers, [CONNECT_STATE_LAYER.id]: { authAnswers: withAnswer(state, LOCAL_CLI, { authOk: false, authMethod: "token", sharedAuthOk: false }) } };
    expect(composed(release, wrong, LOCAL_CLI)).toMatchObject({ outcome: "reject", reason: "unauthorized" });
    // resolveConnectAuthState decides where it is driven: authorizeGatewayConnect's outcome for that cell is not consulted
    const authorize = layers[AUTH_LAYER.id]!.authAnswers!;
    const authorizeWrong = { ...layers, [AUTH_LAYER.id]: { authAnswers: withAnswer(authorize, LOCAL_CLI, { ok: false, reason: "token_mismatch" }) } };
    expect(composed(release, authorizeWrong, LOCAL_CLI)).toMatchObject({ outcome: "admit" });
    const missing = { ...layers, [CONNECT_STATE_LAYER.id]: { authAnswers: without(state, LOCAL_CLI) } };
    expect(() => composed(release, missing, LOCAL_CLI)).toThrow(CannotCheckError);
    // and the implementation reports that connect as unrealised (unchecked), never deciding it with the model
    const step = authStepOf(release, missing)!;
    expect(step.sources.missing).toBe(1);
    expect(step.unrealised(LOCAL_CLI)).toMatch(/^the auth step of openclaw@2026\.9\.6: .* was not tabulated for auth cell mode=token,/);
    expect(step.unrealised({ ...LOCAL_CLI, credential: "secret-wrong" })).toBeUndefined();
  });

  it("2.17 (no resolveConnectAuthState): authorizeGatewayConnect's outcome decides; a table saying the right token failed rejects the local CLI", { timeout: COLD }, async () => {
    const { release, layers } = await authLayersOf("2026.2.17");
    expect(layers[CONNECT_STATE_LAYER.id]!.authAnswers).toBeUndefined();
    const authorize = layers[AUTH_LAYER.id]!.authAnswers!;
    const real = composed(release, layers, LOCAL_CLI);
    expect(real).toMatchObject({ outcome: "admit" });
    expect(real.rules).toContain("openclaw:authorizeGatewayConnect=ok/token;shared-secret-only=ok/token");
    const wrong = { ...layers, [AUTH_LAYER.id]: { authAnswers: withAnswer(authorize, LOCAL_CLI, { ok: false, reason: "token_mismatch" }) } };
    expect(composed(release, wrong, LOCAL_CLI)).toMatchObject({ outcome: "reject", reason: "unauthorized" });
    expect(() => composed(release, { [AUTH_LAYER.id]: { authAnswers: without(authorize, LOCAL_CLI) } }, LOCAL_CLI)).toThrow(CannotCheckError);
  });
});

describe("the auth step's provenance", () => {
  const release = { version: "2026.3.8", decider: "sliced" } as Release;
  const model = modelAt(eraOf(release.version), release.version);
  const locality = { sliced: { isLocalDirectRequest: { real: "isLocalDirectRequest", cells: 6 } }, agreement: [] };
  const auth = (sources?: Parameters<typeof provenanceOf>[4]) => provenanceOf(release, model, [locality], undefined, sources).find((p) => p.step === "auth")!;

  it("names the release's function and its cell count where its answers decide, and the model with why elsewhere", () => {
    expect(auth({ state: { real: "resolveConnectAuthState", cells: 30 }, authorize: { real: "authorizeGatewayConnect", cells: 4 }, missing: 0 })).toMatchObject({
      decidedBy: "sliced", detail: expect.stringMatching(/^the release's sliced resolveConnectAuthState on 30 auth cells .*authorizeGatewayConnect's outcomes on the 4 Tailscale-serve auth cells/),
    });
    expect(auth({ authorize: { real: "authorizeGatewayConnect", cells: 34 }, missing: 0 })).toMatchObject({
      decidedBy: "sliced", detail: expect.stringMatching(/^the release.s sliced authorizeGatewayConnect.s outcomes on 34 auth cells .*, with authMethod and sharedAuthOk derived/),
    });
    expect(auth({ state: { real: "resolveConnectAuthState", cells: 30 }, missing: 4 }).detail).toMatch(/4 auth cells not tabulated: cannot check/);
    expect(auth()).toMatchObject({ decidedBy: "model", detail: expect.stringMatching(/^E\S+ model at 2026\.3\.8 \(authorizeGatewayConnect: /) });
  });
});
