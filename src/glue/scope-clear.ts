import { expectBoolean, objectParam, type Adapter } from "../differential/adapter.ts";
import type { LayerFunction } from "../differential/layer.ts";
import { compareVersions } from "../domain/versions.ts";
import { eraOf } from "../model/eras/index.ts";
import { policyDomain } from "../model/function-domains.ts";
import type { ScopeClearInput } from "../model/policy-functions.ts";
import { decide, rulesAt } from "../model/rule.ts";

/**
 * Whether the connect handler empties a device-less client's declared scopes, before 3.31 where
 * it is inline (the `if` around `scopes = []`, and from 2.21 the guard of the one call of the
 * handler's clearUnboundScopes arrow). From 3.31 the decision is
 * shouldClearUnboundScopesForMissingDeviceIdentity, a function the policy layer slices and judges.
 * 2.9 and 2.12 answer "never" only because the slicer proves nothing in their handler writes the
 * scopes (src/release/slice/glue-empties.ts); a handler it cannot prove that of is refused.
 *
 * The inputs are the policy function's own (the model's scope list reads them): the glue is held
 * to the same list on the same domain, so the inline era and the function era are judged alike.
 */
export type ScopeGlueInput = ScopeClearInput;

const OWN_FUNCTION_FROM = "2026.3.31";

/** The model's answer from the era's own scope list at this version. */
export const modelScopeClear = (version: string, i: ScopeGlueInput) => decide(rulesAt(eraOf(version).scopes, version), i);

/** A device-less connect that declared a scope (an empty list has nothing to clear). */
const args = (i: ScopeGlueInput) => [{
  device: null,
  scopes: ["operator.admin"],
  allowControlUiBypass: i.allowBypass,
  controlUiAuthPolicy: { isControlUi: i.isControlUi, allowInsecureAuthConfigured: false, dangerouslyDisableDeviceAuth: i.allowBypass, allowBypass: i.allowBypass, device: null },
  sharedAuthOk: i.sharedAuthOk,
  isControlUi: i.isControlUi,
  decision: { kind: i.decision },
  preserveInsecureLocalControlUiScopes: i.preserveInsecureLocalControlUiScopes,
  authMethod: i.authMethod,
  trustedProxyAuthOk: i.trustedProxyAuthOk,
}];

const BRANCH = ["scopes", "device"];
const shape = (description: string, releases: Adapter["releases"], reads: string[], optional: string[] = []): Adapter<ScopeGlueInput, boolean> => ({
  real: "glueScopeClear", shape: description, releases, matches: objectParam([...BRANCH, ...reads, ...optional], reads.length ? [...BRANCH, ...reads] : []),
  toArgs: args, fromResult: (v) => expectBoolean("glueScopeClear", v),
});

/** Newest first; each range is where the slicer found that shape (the README's "Inline glue" part). */
export const SCOPE_GLUE_ADAPTERS: readonly Adapter<ScopeGlueInput, boolean>[] = [
  shape("{decision, preserveInsecureLocalControlUiScopes, authMethod, trustedProxyAuthOk, controlUiAuthPolicy?}", { since: "2026.3.22", until: OWN_FUNCTION_FROM },
    ["decision", "preserveInsecureLocalControlUiScopes", "authMethod", "trustedProxyAuthOk"], ["controlUiAuthPolicy"]),
  shape("{isControlUi, decision}", { since: "2026.3.13", until: "2026.3.22" }, ["isControlUi", "decision"]),
  shape("clearUnboundScopes' test {controlUiAuthPolicy, sharedAuthOk?}", { since: "2026.2.21", until: "2026.3.13" }, ["controlUiAuthPolicy"], ["sharedAuthOk"]),
  shape("{allowControlUiBypass}", { since: "2026.2.17", until: "2026.2.21" }, ["allowControlUiBypass"]),
  // nothing read: the slicer proved the handler never writes its scopes
  { ...shape("proven never {}", { until: "2026.2.17" }, []), matches: objectParam([], []) },
];

export const SCOPE_GLUE: LayerFunction<ScopeGlueInput, boolean> = {
  function: "scopeClearGlue",
  adapters: SCOPE_GLUE_ADAPTERS,
  cutFromHandler: true,
  // each era's scope list where the handler keeps the decision inline (E2's list is named after the function it became in 3.31)
  answers: [{ list: "inline scope clearing" }, { list: "inline clearUnboundScopes" }, { list: "shouldClearUnboundScopesForMissingDeviceIdentity", until: OWN_FUNCTION_FROM }],
  inputs: (version) => policyDomain("shouldClearUnboundScopes", version).enumerate() as unknown as ScopeGlueInput[],
  model: (version) => (compareVersions(version, OWN_FUNCTION_FROM) < 0 ? (i) => modelScopeClear(version, i).value : undefined),
  show: (i, version) => ({ ...i, modelRule: modelScopeClear(version, i).rule }),
};
