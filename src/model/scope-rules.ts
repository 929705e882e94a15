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

/*
 * The inline clearing before 3.13 (clearUnboundScopes in the connect handler; bundles of 2.9, 2.12, 2.17, 2.19,
 * 2.21, 2.22, 2.22-1, 2.23, 2.24, 2.25, 2.26, 3.1, 3.2, 3.7, 3.8, 3.11 and 3.13 read 2026-12-01). The emptying
 * runs for every device-less connect before the gate decides (a rejected one keeps nothing either way), so the
 * rules below depend on the bypass and the secret only. The bypass is the Control UI policy's allowBypass, which
 * only a Control UI can have (2.17/2.19: allowInsecureAuth or dangerouslyDisableDeviceAuth; 2.21 on: only the
 * latter), so every other client is cleared whatever its knobs.
 */
export const scopesNeverClearedInline: ScopeRule = {
  id: "scopes.never-cleared", when: () => true, then: false,
  why: "2.9 and 2.12 have no clearing: the device-less branch never touches scopes (2.9 even defaults a scope-less operator to operator.admin)",
  unmeasured: "inline in the 2.9 and 2.12 connect handlers (no clearing function, no glue anchor for an assignment to a `let`): read from both bundles, neither sliced nor run live",
};
export const scopesClearUnlessBypass: ScopeRule = {
  id: "scopes.clear-unless-bypass", when: (i) => !i.allowBypass, then: true,
  why: "2.17–2.25 empty a device-less client's scopes unless a Control UI bypass knob is set; the shared secret does not exempt (live 2026-12-01: a device-less token CLI is cleared on 2.19, 2.21, 2.24, 2.25)",
};
export const scopesClearWithoutSecret: ScopeRule = {
  id: "scopes.clear-without-secret", when: (i) => !i.allowBypass && !i.sharedAuthOk, then: true,
  why: "GHSA-rqpp-rjj8-7wv8 (2.26–3.11): 2.26 added the verified-secret exemption, so a device-less client holding the token or password, or one the trusted proxy vouched for (sharedAuthOk from 2.23), keeps what it declared (live 2026-12-01: kept on 2.26)",
};
export const scopesKeepBypassOrSecret: ScopeRule = {
  id: "scopes.keep-bypass-or-secret", when: () => true, then: false,
  why: "the bypass (or from 2.26 a verified secret) kept the requested scopes",
};

/** Before 8.1 the function's answer stands. */
export const NO_SCOPE_EXEMPTIONS: ScopeExemptionStage = {
  name: "scope-exemptions",
  rules: [
    { id: "scopes.cleared", requires: "scopes", when: (i) => i.clear, then: true, why: "shouldClearUnboundScopes said clear" },
    { id: "scopes.kept", when: always, then: false, why: "shouldClearUnboundScopes said keep" },
  ],
};
