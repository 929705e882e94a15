/**
 * From 2.22 the composed handshake's final-auth step is the release's own resolveConnectAuthDecision,
 * tabulated by the final-auth layer on every final-auth input: a flipped answer changes the verdict,
 * an input the table lacks is "cannot check" (never the model), and the step's provenance names the
 * function, its input count and that its token verifiers are answered by the model's rules.
 */
import { describe, expect, it } from "vitest";
import "../release/env.ts";
import { COLD } from "../release/env.ts";
import { FINAL_DECISION } from "../../src/auth/real/final-decision.ts";
import { FINAL_AUTH_LAYER } from "../../src/auth/real/layer.ts";
import type { Cell } from "../../src/domain/cell.ts";
import { CannotCheckError } from "../../src/domain/errors.ts";
import { runFunction } from "../../src/differential/layer.ts";
import { openPublished } from "../../src/differential/open.ts";
import type { Release } from "../../src/differential/release.ts";
import { finalAnswerKey, finalAnswersOf, type FinalAnswers } from "../../src/impl/release/final-table.ts";
import { provenanceOf } from "../../src/impl/release/provenance.ts";
import { finalAuthStepOf } from "../../src/impl/release/release-impl.ts";
import { eraOf } from "../../src/model/eras/index.ts";
import { modelFinalAuthStep, runHandshake } from "../../src/model/handshake.ts";
import { modelAt, modelFunctions } from "../../src/model/model-at.ts";
import type { FinalAuthInput } from "../../src/model/stage-types.ts";

const VERSION = "2026.9.6";
const model = modelAt(eraOf(VERSION), VERSION);

/** A paired remote CLI operator presenting only its device token: the shared auth fails, the device token lets it in. */
const DEVICE_TOKEN_CLI: Cell = {
  role: "operator", client: "cli", device: "paired", authMode: "token", credential: "device-token", locality: "remote", origin: "none",
  allowInsecureAuth: false, dangerouslyDisableDeviceAuth: false, upgrade: "none", forwarded: false, hostHeader: "gateway", withDeviceToken: false, proxySocket: "lan",
};

type FinalLayers = Record<string, { finalAnswers?: FinalAnswers }>;
const release = { ref: `openclaw@${VERSION}`, version: VERSION };

/** The final-auth layer as a release check stores it. */
async function finalLayerOf(): Promise<FinalLayers> {
  const handle = await openPublished(VERSION, [FINAL_DECISION.function]);
  try {
    return { [FINAL_AUTH_LAYER.id]: { finalAnswers: finalAnswersOf(await runFunction(FINAL_DECISION, handle)) } };
  } finally {
    await handle.close();
  }
}

const composed = (layers: FinalLayers, cell: Cell) => {
  const final = finalAuthStepOf(release, layers);
  expect(final).toBeDefined();
  return runHandshake(cell, model, (h) => modelFunctions(model, h), () => {}, undefined, undefined, final!.step);
};

/** The final-auth input the handshake forms for this cell (the model's handshake, watched). */
function finalInputOf(cell: Cell): FinalAuthInput {
  let seen: FinalAuthInput | undefined;
  const step = modelFinalAuthStep(model);
  runHandshake(cell, model, (h) => modelFunctions(model, h), () => {}, undefined, undefined, (i, h) => ((seen = i), step(i, h)));
  return seen!;
}

/** The table with the answer at the cell's final-auth input replaced (undefined: removed). */
function withAnswer(layers: FinalLayers, cell: Cell, answer: FinalAnswers["answers"][string] | undefined): FinalLayers {
  const table = layers[FINAL_AUTH_LAYER.id]!.finalAnswers!;
  const key = finalAnswerKey(finalInputOf(cell));
  expect(table.answers[key]).toBeDefined();
  const { [key]: _, ...rest } = table.answers;
  return { [FINAL_AUTH_LAYER.id]: { finalAnswers: { ...table, answers: answer === undefined ? rest : { ...rest, [key]: answer } } } };
}

describe("the release's own resolveConnectAuthDecision decides the composed handshake's final-auth step", () => {
  it("9.6: its answer lets the device-token CLI in; a table saying unauthorized rejects it; a missing input cannot be checked", { timeout: COLD }, async () => {
    const layers = await finalLayerOf();
    expect(layers[FINAL_AUTH_LAYER.id]!.finalAnswers!.real).toBe("resolveConnectAuthDecision");
    const real = composed(layers, DEVICE_TOKEN_CLI);
    expect(real).toMatchObject({ outcome: "admit" });
    expect(real.rules).toContain("openclaw:resolveConnectAuthDecision=device-token");
    expect(composed(withAnswer(layers, DEVICE_TOKEN_CLI, "unauthorized"), DEVICE_TOKEN_CLI)).toMatchObject({ outcome: "reject", reason: "unauthorized" });
    expect(() => composed(withAnswer(layers, DEVICE_TOKEN_CLI, undefined), DEVICE_TOKEN_CLI)).toThrow(CannotCheckError);
  });
});

describe("the final-auth step's provenance", () => {
  const locality = { sliced: { isLocalDirectRequest: { real: "isLocalDirectRequest", cells: 6 } }, agreement: [] };
  const finalAuth = (version: string, final?: Parameters<typeof provenanceOf>[5]) => {
    const at = modelAt(eraOf(version), version);
    return provenanceOf({ version, decider: "sliced" } as Release, at, [locality], undefined, undefined, final).find((p) => p.step === "finalAuth")!;
  };

  it("names the release's function, its input count and who answers its verifiers where it decides, and the model with why elsewhere", () => {
    expect(finalAuth(VERSION, { real: "resolveConnectAuthDecision", cells: 1428 })).toMatchObject({
      decidedBy: "sliced", detail: expect.stringMatching(/^the release's sliced resolveConnectAuthDecision on 1428 inputs; its token-verifier callbacks are answered by the model's verifier rules/),
    });
    expect(finalAuth("2026.2.17")).toMatchObject({ decidedBy: "model", detail: expect.stringMatching(/^E\S+ model at 2026\.2\.17 \(final auth: .*resolveConnectAuthDecision: not in this release\)$/) });
  });
});
