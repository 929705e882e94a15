import { expectBoolean, objectParam, type Adapter } from "../differential/adapter.ts";
import type { LayerFunction } from "../differential/layer.ts";
import { compareVersions } from "../domain/versions.ts";
import { ORIGIN_CHECK_APPLIES, type OriginClient } from "../model/origin-helper-rules.ts";
import { decide, rulesAt } from "../model/rule.ts";

/**
 * The Origin check's call-site guard before 9.2, where it is the `if` around checkBrowserOrigin
 * in the connect handler (8.1–9.1 in its admission phase): whether the Origin is checked at all,
 * for this client and the browser security context's any-client flag. From 9.2 the guard is
 * resolveGatewayWsBrowserOrigin, a function of its own the origin layer slices and judges.
 */
export interface OriginGuardInput {
  client: OriginClient;
  enforce: boolean;
}

const CLIENTS: readonly OriginClient[] = ["control-ui", "webchat", "other"];
export const originGuardInputs = (): OriginGuardInput[] => CLIENTS.flatMap((client) => [false, true].map((enforce) => ({ client, enforce })));

const OWN_FUNCTION_FROM = "2026.9.2";
const CONTEXT_FROM = "2026.2.25";

/** The model's call-site condition (the origin model's own list), for a client sending a foreign Origin. */
export function modelOriginGuard(version: string, i: OriginGuardInput) {
  return decide(rulesAt(ORIGIN_CHECK_APPLIES, version), { client: i.client, enforceOriginCheckForAnyClient: i.enforce, origin: "foreign" });
}

const args = (i: OriginGuardInput) => [{
  enforceOriginCheckForAnyClient: i.enforce, isControlUi: i.client === "control-ui", isBrowserOperatorUi: i.client === "control-ui", isWebchat: i.client === "webchat",
}];
const FLAGS = ["enforceOriginCheckForAnyClient", "isControlUi", "isBrowserOperatorUi", "isWebchat"];
const guard = (real: string, shape: string, releases: Adapter["releases"], required: string[]): Adapter<OriginGuardInput, boolean> =>
  ({ real, shape, releases, matches: objectParam(FLAGS, required), toArgs: args, fromResult: (v) => expectBoolean(real, v) });

export const ORIGIN_GUARD_ADAPTERS: readonly Adapter<OriginGuardInput, boolean>[] = [
  guard("glueOriginGuardAdmit", "admitGatewayConnect's guard {enforce, isBrowserOperatorUi, isWebchat}", { since: "2026.8.1", until: OWN_FUNCTION_FROM }, ["enforceOriginCheckForAnyClient", "isBrowserOperatorUi"]),
  guard("glueOriginGuardHandler", "the handler's guard {enforce?, isControlUi | isBrowserOperatorUi, isWebchat}", { until: "2026.8.1" }, ["isWebchat"]),
];

export const ORIGIN_GUARD: LayerFunction<OriginGuardInput, boolean> = {
  function: "originGuard",
  adapters: ORIGIN_GUARD_ADAPTERS,
  cutFromHandler: true,
  // the call-site condition (the helpers' list) and so whether the origin step checks at all; before 2.25
  // it reads no any-client flag (its answers are the same on both flag values), so it alone decides what the
  // browser security context decides from 2.25
  answers: [
    { list: "resolveGatewayWsBrowserOrigin", until: OWN_FUNCTION_FROM }, { list: "origin check", until: OWN_FUNCTION_FROM },
    { list: "resolveHandshakeBrowserSecurityContext", until: CONTEXT_FROM },
  ],
  inputs: originGuardInputs,
  model: (version) => (compareVersions(version, OWN_FUNCTION_FROM) < 0 ? (i) => modelOriginGuard(version, i).value : undefined),
  show: (i, version) => ({ ...i, modelRule: modelOriginGuard(version, i).rule }),
};
