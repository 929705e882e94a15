/**
 * The pairing request's silent-or-not is decided by the release's own sliced glue: tabulated
 * like a policy function and consulted by the handshake (a release whose glue is mutated changes
 * a verdict), named in provenance, and in the verdict's trail.
 */
import { describe, expect, it } from "vitest";
import "../release/env.ts";
import { COLD } from "../release/env.ts";
import type { Cell } from "../../src/domain/cell.ts";
import { layerExports, runFunction } from "../../src/differential/layer.ts";
import { openPublished } from "../../src/differential/open.ts";
import type { Release } from "../../src/differential/release.ts";
import { GLUE_LAYER, PAIRING_GLUE } from "../../src/glue/layer.ts";
import { answerTable } from "../../src/impl/release/release-impl.ts";
import { mixedFunctions } from "../../src/impl/release/tabulate.ts";
import { resolveImplementation } from "../../src/impl/resolve-ref.ts";
import { eraOf } from "../../src/model/eras/index.ts";
import { policyDomain } from "../../src/model/function-domains.ts";
import { runHandshake } from "../../src/model/handshake.ts";
import { modelAt } from "../../src/model/model-at.ts";

const VERSION = "2026.9.6";
const GLUE = "gluePairingSilentLocal";

/** A new device of a remote CLI holding the right token: an operator must approve it. */
const REMOTE_FIRST_PAIRING: Cell = {
  role: "operator", client: "cli", device: "unpaired", authMode: "token", credential: "secret-ok", locality: "remote", origin: "none",
  allowInsecureAuth: false, dangerouslyDisableDeviceAuth: false, upgrade: "none", forwarded: false, hostHeader: "gateway", withDeviceToken: false, proxySocket: "lan",
};

/** The release with its pairing glue answering `silent` to everything (every other export its own). */
const alwaysSilent = (release: Release): Release => new Proxy(release, {
  get: (target, key) => (key === "call"
    ? (fn: string, argsList: unknown[][]) => (fn === GLUE ? Promise.resolve(argsList.map(() => ({ ok: true, value: true }))) : target.call(fn, argsList))
    : Reflect.get(target, key)),
});

/** The handshake on one cell, with the release's pairing glue tabulated as release-impl tabulates it. */
async function verdictWithGlueOf(release: Release, cell: Cell) {
  const run = await runFunction(PAIRING_GLUE, release);
  const model = modelAt(eraOf(VERSION), VERSION);
  const table = { real: run.adapter!.real, answers: answerTable(run, VERSION), domain: policyDomain("pairingGlue", VERSION) };
  return { run, verdict: runHandshake(cell, model, mixedFunctions(model, { pairingGlue: table }, release.ref), () => {}) };
}

describe(`openclaw@${VERSION}: the pairing glue decides`, () => {
  it("a release whose pairing glue always answers silent pairs a remote CLI's new device silently; the real glue leaves it to an operator", { timeout: COLD }, async () => {
    const release = await openPublished(VERSION, layerExports([GLUE_LAYER]));
    try {
      const real = await verdictWithGlueOf(release, REMOTE_FIRST_PAIRING);
      expect(real.verdict).toMatchObject({ outcome: "reject", reason: "pairing-required" });
      expect(real.verdict.rules).toContain(`openclaw:${GLUE}=false`);
      const mutated = await verdictWithGlueOf(alwaysSilent(release), REMOTE_FIRST_PAIRING);
      expect(mutated.run.agreement.status).toBe("mismatch");
      expect(mutated.verdict).toMatchObject({ outcome: "admit", pairing: "silent" });
      expect(mutated.verdict.rules).toContain(`openclaw:${GLUE}=true`);
    } finally {
      await release.close();
    }
  });

  it("the release implementation composes its own glue: provenance names it and the verdict's trail carries its answer", { timeout: COLD * 2 }, async () => {
    const impl = await resolveImplementation(`openclaw@${VERSION}`);
    expect(impl.provenance.find((p) => p.step === "pairing")).toMatchObject({ decidedBy: "sliced", detail: expect.stringMatching(new RegExp(`the release's sliced ${GLUE} on \\d+ inputs`)) });
    const local = impl.decide({ ...REMOTE_FIRST_PAIRING, locality: "local" });
    expect(local).toMatchObject({ outcome: "admit", pairing: "silent" });
    expect(local.rules).toContain(`openclaw:${GLUE}=true`);
    expect(impl.coverage.rules.map((r) => r.id)).toContain(`openclaw:${GLUE}=true`);
  });
});
