import { describe, expect, it } from "vitest";
import { COLD } from "../release/env.ts";
import { runFunction, type LayerFunction } from "../../src/differential/layer.ts";
import { layerReleases } from "../helpers/layer-releases.ts";
import type { Release } from "../../src/differential/release.ts";
import { FINAL_AUTH_LAYER } from "../../src/auth/real/layer.ts";
import { FINAL_DECISION, finalDecisionInputs, type FinalDecisionInput } from "../../src/auth/real/final-decision.ts";
import type { FinalAuth } from "../../src/model/stage-types.ts";

/**
 * The final auth decision sliced from the releases on each side of the bootstrap-token boundary
 * (3.11 has no bootstrap path, 3.13 does), of the 4.1/4.2 change (a bootstrap token replaces an
 * earlier success's method) and the newest, held to the model's final-auth list on every input.
 */
const VERSIONS = ["2026.3.11", "2026.3.13", "2026.4.1", "2026.4.2", "2026.9.6"];

const { releases, runs } = layerReleases(VERSIONS, FINAL_AUTH_LAYER, (release) => runFunction(FINAL_DECISION, release), COLD * 2);

const bootstrapAfterFailedAuth = (i: FinalDecisionInput) => !i.authOk && i.hasDevice && i.credential === "bootstrap-token" && !i.deviceToken;
const bootstrapAfterSuccess = (i: FinalDecisionInput) => i.authOk && i.hasDevice && i.credential === "bootstrap-token";
/** The inputs of a run where the release answered `value`. */
const answered = (version: string, value: FinalAuth, where: (i: FinalDecisionInput) => boolean) => {
  const r = runs.get(version)!;
  return r.inputs.filter((input, n) => where(input) && r.answers![n]!.ok && (r.answers![n] as { value: FinalAuth }).value === value);
};

describe.each(VERSIONS)("resolveConnectAuthDecision of openclaw@%s", (version) => {
  it("agrees with the model's final-auth list on its whole domain", () => {
    expect(runs.get(version)!.agreement).toMatchObject({ status: "agrees", cells: finalDecisionInputs(version).length, mismatches: 0 });
  });
});

describe("measured boundaries", () => {
  it("3.11 → 3.13: a bootstrap token after a failed auth authenticates only from 3.13", () => {
    const all = runs.get("2026.3.13")!.inputs.filter(bootstrapAfterFailedAuth);
    expect(all.length).toBeGreaterThan(0);
    expect(answered("2026.3.11", "bootstrap-token", bootstrapAfterFailedAuth)).toEqual([]);
    expect(answered("2026.3.13", "bootstrap-token", bootstrapAfterFailedAuth)).toEqual(all);
  });

  it("4.1 → 4.2: a bootstrap token beside a successful auth becomes the method only from 4.2", () => {
    const all = runs.get("2026.4.2")!.inputs.filter(bootstrapAfterSuccess);
    expect(all.length).toBeGreaterThan(0);
    expect(answered("2026.4.1", "bootstrap-token", bootstrapAfterSuccess)).toEqual([]);
    expect(answered("2026.4.2", "bootstrap-token", bootstrapAfterSuccess)).toEqual(all);
  });
});

describe("the check can fail", () => {
  it("a model that lets a bootstrap token through on 3.11 is reported as a mismatch on exactly those inputs", async () => {
    const wrong: LayerFunction<FinalDecisionInput, FinalAuth> = {
      ...FINAL_DECISION,
      model: (v) => (i) => (bootstrapAfterFailedAuth(i) ? "bootstrap-token" : FINAL_DECISION.model(v)!(i)),
    };
    const run = await runFunction(wrong, releases.get("2026.3.11")!);
    expect(run.agreement.status).toBe("mismatch");
    expect(run.agreement.mismatches).toBe(run.inputs.filter(bootstrapAfterFailedAuth).length);
    expect(run.agreement.example?.release).toBe("unauthorized");
  });

  it("a model whose device token never authenticates is reported as a mismatch on 9.6", async () => {
    const wrong: LayerFunction<FinalDecisionInput, FinalAuth> = {
      ...FINAL_DECISION,
      model: (v) => (i) => {
        const want = FINAL_DECISION.model(v)!(i);
        return want === "device-token" ? "unauthorized" : want;
      },
    };
    const run = await runFunction(wrong, releases.get("2026.9.6")!);
    expect(run.agreement.status).toBe("mismatch");
    expect(run.agreement.example?.release).toBe("device-token");
  });

  it("a release expected to have it that does not is could-not-check, not the model standing in", async () => {
    const missing = { ...releases.get("2026.9.6")!, present: () => false } as Release;
    await expect(runFunction(FINAL_DECISION, missing)).rejects.toThrow(/resolveConnectAuthDecision not found/);
  });

  it("a release whose function reads a state field the adapters do not set is an unsupported shape, not a guess", async () => {
    const real = releases.get("2026.9.6")!;
    const source = (name: string) => real.source(name).replace("params.state.authResult", "params.state.authResultFromTheFuture");
    await expect(runFunction(FINAL_DECISION, { ...real, source } as Release)).rejects.toThrow(/unsupported shape: resolveConnectAuthDecision reads .*state\.authResultFromTheFuture/);
  });
});
