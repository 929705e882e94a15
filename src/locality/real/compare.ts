import { callReplay } from "../../differential/agreement.ts";
import type { RealCall } from "../../differential/adapter.ts";
import { runFunction, type FunctionRun } from "../../differential/layer.ts";
import type { Release } from "../../differential/release.ts";
import type { ConcreteRequest } from "../request.ts";
import { LOCALITY_FUNCTIONS, type LocalityFunction } from "./adapter.ts";
import type { Probe } from "./inputs.ts";
import { LOCALITY_LAYER } from "./layer.ts";

/** The inputs of one run: address texts for isLoopbackAddress, requests for everything else. */
export interface LocalityProbes {
  addresses: readonly Probe<string>[];
  requests: readonly Probe<ConcreteRequest>[];
}

export type LocalityRun = Record<LocalityFunction, FunctionRun<Probe<unknown>, unknown>>;

/** Every locality function of the release on these probes, each against the model (a release error is a mismatch). */
export async function runLocality(release: Release, probes: LocalityProbes): Promise<LocalityRun> {
  const run = {} as LocalityRun;
  for (const fn of LOCALITY_LAYER.functions) {
    const name = fn.function as LocalityFunction;
    run[name] = await runFunction(fn, release, name === "isLoopbackAddress" ? probes.addresses : probes.requests);
  }
  return run;
}

/** One agreement per function, in the layer's order, each note saying where its inputs came from. */
export function agreementsOf(run: LocalityRun, note?: string) {
  return LOCALITY_FUNCTIONS.map((fn) => {
    const a = run[fn].agreement;
    return note ? { ...a, note: a.note ? `${a.note}; ${note}` : note } : a;
  });
}

/** The command that reproduces one answer. */
export function replay(ref: string, call: RealCall): string {
  return callReplay(ref, call.fn, call.args);
}
