import type { Layer, LayerFunction } from "../../differential/layer.ts";
import { eraOf } from "../../model/eras/index.ts";
import { policyDomain } from "../../model/function-domains.ts";
import { modelAt, modelFunctions } from "../../model/model-at.ts";
import type { PolicyFunctionName } from "../../model/policy-functions.ts";
import { ADAPTERS } from "./adapters/index.ts";

/** A policy function some release exports; the pairing glue never is one (the glue layer cuts it from the handler). */
type ExportedFunction = Exclude<PolicyFunctionName, "pairingGlue">;

/** Where each policy function is not an export of its own, the release keeps the logic inline (notes §3). */
const INLINE: Record<ExportedFunction, string> = {
  resolveControlUiAuthPolicy: "before 2.21 and from 8.1 the Control UI settings are read inline in the connect handler",
  evaluateMissingDeviceIdentity: "through 2.21 the device gate is inline in the message handler",
  roleCanSkipDeviceIdentity: "through 2.21 the skip is the inline canSkipDevice = sharedAuthOk",
  isTrustedProxyControlUiOperatorAuth: "before 2.26 the trusted-proxy Control UI check is inline",
  shouldClearUnboundScopes: "before 3.31 scope clearing is inline in the message handler",
  shouldSkipControlUiPairing: "before 2.21 the Control UI pairing skip is inline",
  shouldSkipBackendSelfPairing: "before 3.8 and in 3.28–4.2 the backend self-pairing skip is not a function of its own",
  shouldAllowSilentLocalPairing: "before 2.25 silent pairing is the inline silent = isLocalClient",
};

const models = new Map<string, ReturnType<typeof modelFunctions>>();
const modelAtVersion = (version: string) => {
  let fns = models.get(version);
  if (!fns) models.set(version, (fns = modelFunctions(modelAt(eraOf(version), version))));
  return fns;
};

function policyFunction(fn: ExportedFunction): LayerFunction<Record<string, unknown>, unknown> {
  return {
    function: fn,
    adapters: ADAPTERS.filter((a) => a.abstract === fn),
    inputs: (version) => policyDomain(fn, version).enumerate(),
    model: (version) => modelAtVersion(version)[fn] as unknown as (input: Record<string, unknown>) => unknown,
    show: (input) => input,
    inline: INLINE[fn],
  };
}

/** The connect policy functions (notes §3), each over its whole abstract domain. */
export const POLICY_LAYER: Layer = { id: "policy", functions: (Object.keys(INLINE) as ExportedFunction[]).map(policyFunction) };
