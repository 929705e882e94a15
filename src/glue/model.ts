import { concreteRequest } from "../locality/request.ts";
import { eraOf } from "../model/eras/index.ts";
import { modelAt, type ModelAt } from "../model/model-at.ts";
import { modelPairingGlue } from "../model/pairing-glue.ts";
import type { PairingReason, SilentPairingInput } from "../model/policy-functions.ts";
import { decide } from "../model/rule.ts";
import { modelOriginHelpers, originStepInput } from "../model/origin-step.ts";
import { hasProxyHeadersAt } from "../pairing-locality/truth-probe.ts";
import { HEADER_SETS, type PairingGlueInput, type ProxyGlueInput } from "./domain.ts";

/**
 * The model's answer for each piece of glue, taken from the model's own rules (never restated):
 * the pairing step's list, the silent-pairing helper's list, and the pairing ground truth's
 * hasProxyHeaders. A layer holds the release's sliced glue to these.
 */

const models = new Map<string, ModelAt>();
const modelOf = (version: string) => {
  let m = models.get(version);
  if (!m) models.set(version, (m = modelAt(eraOf(version), version)));
  return m;
};

/** The helper's params for a local connect of a client that is neither the Control UI nor WebChat, authenticated by token. */
const helperInput = (reason: PairingReason, local: boolean, origin: boolean): SilentPairingInput =>
  ({ locality: local ? "direct_local" : "remote", hasBrowserOriginHeader: origin, isControlUi: false, isWebchat: false, authMethod: "token", reason });

/** Whether the model's silent-pairing helper answers yes for this reason on some local connect (the others never reach the glue). */
export const helperCanBeSilent = (version: string) => (reason: PairingReason) =>
  decide(modelOf(version).silentPairing, helperInput(reason, true, false)).value;

/** The model's pairing step on one glue input: silent, or not (an operator must approve); the handshake's own (src/model/pairing-glue.ts). */
export function modelPairingSilent(version: string, i: PairingGlueInput, model: ModelAt = modelOf(version)): { value: boolean; rule: string } {
  const step = modelPairingGlue(model, i);
  return { value: step.value === "silent", rule: step.rule };
}

/** The pairing ground truth's hasProxyHeaders (the model the pairing-locality properties read). */
export function modelHasProxyHeaders(version: string, i: ProxyGlueInput): boolean {
  return hasProxyHeadersAt(version, concreteRequest({ socketAddress: "127.0.0.1", headers: i.headers ? HEADER_SETS[i.headers] : {} }), i.ingress);
}
