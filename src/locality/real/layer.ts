import { CannotCheckError } from "../../domain/errors.ts";
import { onInputOf } from "../../differential/adapter.ts";
import type { FunctionRun, Layer, LayerFunction } from "../../differential/layer.ts";
import { localityModelAt, type LocalityModel } from "../locality-model.ts";
import type { ConcreteRequest } from "../request.ts";
import { LOCALITY_FUNCTIONS, type LocalityAdapter, type LocalityFunction } from "./adapter.ts";
import { LOCALITY_ADAPTERS } from "./adapters/index.ts";
import { cellRequests, exampleAddresses, type Probe } from "./inputs.ts";

/** What the model answers, or `undefined` where it has no such function at this version. */
function modelAnswer(model: LocalityModel, fn: LocalityFunction): ((input: never) => unknown) | undefined {
  return {
    isLoopbackAddress: (a: string) => model.isLoopbackAddress(a).value,
    resolveClientIp: (r: ConcreteRequest) => model.resolveClientIp(r).value,
    isLocalDirectRequest: (r: ConcreteRequest) => model.isLocalDirectRequest(r).value,
    ingressAttribution: model.ingressAttribution && ((r: ConcreteRequest) => model.ingressAttribution!(r).value),
  }[fn];
}

/** One locality function over labelled probes: every fixed address spelling, or every abstract connection's request. */
export function localityFunction(fn: LocalityFunction): LayerFunction<Probe<unknown>, unknown> {
  const address = fn === "isLoopbackAddress";
  return {
    function: fn,
    adapters: (LOCALITY_ADAPTERS[fn] as readonly LocalityAdapter[]).map((a) => onInputOf(a, (p: Probe<unknown>) => p.input as never)),
    inputs: () => (address ? exampleAddresses() : cellRequests()),
    model: (version) => {
      const answer = modelAnswer(localityModelAt(version), fn);
      return answer && ((probe: Probe<unknown>) => answer(probe.input as never));
    },
    show: (probe) => ({ probe: probe.label, [address ? "address" : "request"]: probe.input }),
  };
}

/** The locality functions (notes §4): how a concrete request becomes "local". */
export const LOCALITY_LAYER: Layer = { id: "locality", functions: LOCALITY_FUNCTIONS.map(localityFunction) };

/** What the release's connect handler would see of one abstract connection. */
export interface RealLocalityObservation {
  isLocalClient: boolean;
  /** 8.1+ only: the kind of the release's ingress attribution. */
  ingressKind?: string;
}

/**
 * The release's own `isLocalClient` per connection, from its runs on every connection's request:
 * through 7.x its isLocalDirectRequest, from 8.1 its ingress attribution being "direct-local".
 * A connection the release threw on is recorded with the error (the engine then cannot use it).
 */
export function observationsOf(runs: readonly FunctionRun[]): Record<string, RealLocalityObservation | { error: string }> {
  const run = (fn: LocalityFunction) => runs.find((r) => r.fn.function === fn);
  const ingress = run("ingressAttribution");
  const decisive = ingress?.answers ? ingress : run("isLocalDirectRequest");
  if (!decisive?.answers) throw new CannotCheckError("neither an ingress attribution nor isLocalDirectRequest answered: the release's locality cannot be observed");
  const table: Record<string, RealLocalityObservation | { error: string }> = {};
  decisive.inputs.forEach((probe: Probe<unknown>, i) => {
    const answer = decisive.answers![i]!;
    const kind = ingress?.answers?.[i];
    if (!answer.ok || (kind && !kind.ok)) {
      table[probe.label] = { error: !answer.ok ? answer.error : (kind as { error: string }).error };
      return;
    }
    table[probe.label] = { isLocalClient: ingress?.answers ? answer.value === "direct-local" : answer.value === true, ...(kind?.ok ? { ingressKind: kind.value as string } : {}) };
  });
  return table;
}
