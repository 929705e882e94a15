import { always, type Rule } from "./rule.ts";
import type { ScopeExemptionStage } from "./stage-types.ts";
import type { ScopeClearInput } from "./policy-functions.ts";

type ScopeRule = Rule<ScopeClearInput, boolean>;

/** shouldClearUnboundScopesForMissingDeviceIdentity (3.31+), first rules of every version. */
export const scopesClearWhenNotAllowed: ScopeRule = {
  id: "scopes.clear-not-allowed", when: (i) => i.decision !== "allow", then: true,
  why: "a rejected connect keeps nothing",
};
export const scopesKeepBypass: ScopeRule = {
  id: "scopes.keep-bypass", when: (i) => i.allowBypass, then: false, why: "the operator chose the bypass",
};
export const scopesKeepInsecureLocalControlUi: ScopeRule = {
  id: "scopes.keep-insecure-local-control-ui", when: (i) => i.preserveInsecureLocalControlUiScopes, then: false,
  why: "a local Control UI under allowInsecureAuth keeps its scopes",
};
export const scopesClearSecretOrProxy: ScopeRule = {
  id: "scopes.clear-secret-or-proxy",
  when: (i) => i.authMethod === "token" || i.authMethod === "password" || i.authMethod === "trusted-proxy", then: true,
  why: "GHSA-rqpp-rjj8-7wv8: scopes a device-less shared-secret client declares are not bound to anything",
};
export const scopesKeep: ScopeRule = {
  id: "scopes.keep", when: () => true, then: false,
  why: "other allowed device-less connects (auth none, Tailscale) keep their scopes",
};

/** Before 8.1 the function's answer stands. */
export const NO_SCOPE_EXEMPTIONS: ScopeExemptionStage = {
  name: "scope-exemptions",
  rules: [
    { id: "scopes.cleared", requires: "scopes", when: (i) => i.clear, then: true, why: "shouldClearUnboundScopes said clear" },
    { id: "scopes.kept", when: always, then: false, why: "shouldClearUnboundScopes said keep" },
  ],
};
