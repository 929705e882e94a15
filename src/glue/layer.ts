import type { Layer, LayerFunction } from "../differential/layer.ts";
import { PAIRING_GLUE_ADAPTERS, PROXY_GLUE_ADAPTERS } from "./adapters.ts";
import { pairingGlueInputs, proxyGlueInputs, type PairingGlueInput, type ProxyGlueInput } from "./domain.ts";
import { helperCanBeSilent, modelHasProxyHeaders, modelPairingSilent } from "./model.ts";
import { ORIGIN_GUARD } from "./origin-guard.ts";
import { SCOPE_GLUE } from "./scope-clear.ts";
import { SILENT_PAIRING_FUNCTION_FROM } from "../model/policy-functions.ts";

/**
 * The connect handler's inline glue, cut out by the statement slicer and held to the model like
 * any export: the pairing request's `silent`, the handshake's hasProxyHeaders, and the guard that
 * decides whether the Origin check runs at all, and (before 3.31) whether a device-less client's scopes are emptied.
 */
export const PAIRING_GLUE: LayerFunction<PairingGlueInput, boolean> = {
  function: "pairingGlue",
  adapters: PAIRING_GLUE_ADAPTERS,
  cutFromHandler: true,
  // held to the pairing step's list, and to the silent-pairing helper's where that is still inline
  answers: [{ list: "pairing" }, { list: "shouldAllowSilentLocalPairing", until: SILENT_PAIRING_FUNCTION_FROM }],
  inputs: (version) => pairingGlueInputs(version, helperCanBeSilent(version)),
  model: (version) => (i) => modelPairingSilent(version, i).value,
  show: (i, version) => ({ ...i, modelRule: modelPairingSilent(version, i).rule }),
};

export const PROXY_GLUE: LayerFunction<ProxyGlueInput, boolean> = {
  function: "hasProxyHeaders",
  adapters: PROXY_GLUE_ADAPTERS,
  cutFromHandler: true,
  inputs: proxyGlueInputs,
  model: (version) => (i) => modelHasProxyHeaders(version, i),
  show: (i) => ({ ...i }),
};

export const GLUE_LAYER: Layer = { id: "glue", functions: [PAIRING_GLUE, PROXY_GLUE, ORIGIN_GUARD, SCOPE_GLUE] };
