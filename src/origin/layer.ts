import type { FiniteDomain } from "../differential/domain.ts";
import type { FunctionRun, Layer, LayerFunction } from "../differential/layer.ts";
import type { Adapter } from "../differential/adapter.ts";
import type { Decision } from "../model/rule.ts";
import { APPLIES_ADAPTERS, APPLIES_FN, CHECK_ADAPTERS, CHECK_FN, CONTEXT_ADAPTERS, CONTEXT_FN } from "./adapters.ts";
import { APPLIES_DOMAIN, CHECK_DOMAIN, CONTEXT_DOMAIN } from "./domain.ts";
import { appliesModel, checkModel, contextModel } from "./model.ts";

/** One origin helper: its export, adapters, whole domain and dated model list. */
function originFunction<In, Out>(
  fn: string, adapters: readonly Adapter<In, Out>[], domain: FiniteDomain<In>, model: (version: string, input: In) => Decision<Out>, inline?: string,
): LayerFunction<In, Out> {
  return {
    function: fn,
    adapters,
    inputs: () => domain.enumerate(),
    model: (version) => (input) => model(version, input).value,
    show: (input, version) => ({ ...input, key: domain.key(input), modelRule: model(version, input).rule }),
    ...(inline ? { inline } : {}),
  };
}

export const ORIGIN_CHECK = originFunction(CHECK_FN, CHECK_ADAPTERS, CHECK_DOMAIN, checkModel);
export const BROWSER_CONTEXT_FUNCTION = originFunction(CONTEXT_FN, CONTEXT_ADAPTERS, CONTEXT_DOMAIN, contextModel,
  "before 2.25 there is no any-client Origin check: the call site checks the Control UI and WebChat only");
export const ORIGIN_APPLIES: LayerFunction = {
  ...originFunction(APPLIES_FN, APPLIES_ADAPTERS, APPLIES_DOMAIN, appliesModel,
    "before 9.2 the call site's condition (enforceOriginCheckForAnyClient || isControlUi || isWebchat) is inline in the connect handler"),
  // whether the origin step checks at all (its not-checked rules) is this function's answer
  answers: [{ list: "origin check", since: "2026.9.2" }],
  inlineStandIn: "the release's own guard, sliced by the glue layer (originGuard),",
};

/** The browser Origin check: its three helpers, each on its whole domain. */
export const ORIGIN_LAYER: Layer = { id: "origin", functions: [ORIGIN_CHECK, BROWSER_CONTEXT_FUNCTION, ORIGIN_APPLIES] };

const DOMAINS: Record<string, FiniteDomain<any>> = { [CHECK_FN]: CHECK_DOMAIN, [CONTEXT_FN]: CONTEXT_DOMAIN, [APPLIES_FN]: APPLIES_DOMAIN };

/** The release's answer per input key, for each helper it has (stored with the layer, read by releaseOriginHelpers). */
export type OriginTables = Record<string, Record<string, unknown>>;

export function originTables(runs: readonly FunctionRun[]): OriginTables {
  const tables: OriginTables = {};
  for (const run of runs) {
    if (!run.answers) continue;
    const domain = DOMAINS[run.fn.function]!;
    const table: Record<string, unknown> = {};
    run.answers.forEach((a, i) => (table[domain.key(run.inputs[i]!)] = a.ok ? a.value : { error: a.error }));
    tables[run.fn.function] = table;
  }
  return tables;
}

export { DOMAINS as ORIGIN_DOMAINS };
