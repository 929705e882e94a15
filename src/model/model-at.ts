import { inVersionRange, type VersionRange } from "../domain/versions.ts";
import type { EraModel, HandshakeShape } from "./era.ts";
import { decide, rulesAt, type HitCounter, type RuleList } from "./rule.ts";
import type { PolicyFunctions } from "./policy-functions.ts";
import { modelPairingGlue } from "./pairing-glue.ts";

export type ResolvedShape = { [K in keyof HandshakeShape]: boolean };

/** An era's model as it stands at one release: only the rules in force, the shape resolved. */
export interface ModelAt extends Omit<EraModel, "shape"> {
  version: string;
  shape: ResolvedShape;
}

const resolve = (flag: boolean | VersionRange, version: string) => (typeof flag === "boolean" ? flag : inVersionRange(version, flag));

export function modelAt(era: EraModel, version: string): ModelAt {
  const lists = Object.fromEntries(
    Object.entries(era).map(([key, value]) =>
      isRuleList(value) ? [key, rulesAt(value, version)] : [key, value],
    ),
  ) as unknown as EraModel;
  for (const list of Object.values(lists)) {
    if (isRuleList(list)) (list as unknown as { rules: unknown[] }).rules = list.rules.filter((r) => !r.requires || canSayYes(lists, r.requires));
  }
  const shape = Object.fromEntries(
    Object.entries(era.shape).map(([flag, value]) => [flag, resolve(value, version)]),
  ) as ResolvedShape;
  return { ...lists, version, shape };
}

/** Whether a helper list has a reachable rule answering true at this version. */
function canSayYes(model: EraModel, key: string): boolean {
  const list = (model as unknown as Record<string, RuleList<unknown, unknown>>)[key];
  return !!list && list.rules.some((r) => r.then === true && !r.unreachable);
}

function isRuleList(value: unknown): value is RuleList<unknown, unknown> {
  return typeof value === "object" && value !== null && "rules" in value && Array.isArray((value as RuleList<unknown, unknown>).rules);
}

/** The model's own answers to the policy functions, counting each rule hit. */
export function modelFunctions(model: ModelAt, hit?: HitCounter): PolicyFunctions {
  return {
    resolveControlUiAuthPolicy: (i) => decide(model.controlUiPolicy, i, hit).value,
    evaluateMissingDeviceIdentity: (i) => decide(model.gate, i, hit).value,
    roleCanSkipDeviceIdentity: (i) => decide(model.roleSkip, i, hit).value,
    isTrustedProxyControlUiOperatorAuth: (i) => decide(model.trustedProxy, i, hit).value,
    shouldClearUnboundScopes: (i) => decide(model.scopes, i, hit).value,
    shouldSkipControlUiPairing: (i) => decide(model.controlUiPairing, i, hit).value,
    shouldSkipBackendSelfPairing: (i) => decide(model.backendPairing, i, hit).value,
    shouldAllowSilentLocalPairing: (i) => decide(model.silentPairing, i, hit).value,
    pairingGlue: (i) => modelPairingGlue(model, i, hit).value === "silent",
  };
}
