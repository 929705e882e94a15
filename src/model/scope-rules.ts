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
/** 3.22–3.28, inline in the handler's guard (glue sliced from every handler 3.22–3.28). */
export const scopesClearSecretOrProxyFlag: ScopeRule = {
  id: "scopes.clear-secret-or-proxy-flag",
  when: (i) => i.authMethod === "token" || i.authMethod === "password" || i.trustedProxyAuthOk, then: true,
  why: "3.22–3.28 clear a device-less shared-secret client and a trusted-proxy Control UI operator, but test the Control UI flag, not the trusted-proxy auth method (3.31's function adds the method, #57692)",
};
export const scopesKeepUnflagged: ScopeRule = {
  id: "scopes.keep-unflagged", when: () => true, then: false,
  why: "#57692 (3.22–3.28): an allowed device-less connect no secret or Control UI flag cleared keeps its scopes, so a trusted-proxy operator that is not the Control UI keeps what it declared (3.22 also a bypass Control UI without a secret)",
};
export const scopesKeep: ScopeRule = {
  id: "scopes.keep", when: () => true, then: false,
  why: "other allowed device-less connects (auth none, Tailscale) keep their scopes",
};

/*
 * The inline clearing before 3.13 (clearUnboundScopes in the connect handler; the glue layer's scopeClearGlue
 * slices it from every handler 2.9–3.28 and holds it to these lists, src/glue/scope-clear.ts). The emptying
 * runs for every device-less connect before the gate decides (a rejected one keeps nothing either way), so the
 * rules below depend on the bypass and the secret only. The bypass is the Control UI policy's allowBypass, which
 * only a Control UI can have (2.17/2.19: allowInsecureAuth or dangerouslyDisableDeviceAuth; 2.21 on: only the
 * latter), so every other client is cleared whatever its knobs.
 */
export const scopesNeverClearedInline: ScopeRule = {
  id: "scopes.never-cleared", when: () => true, then: false,
  why: "2.9 and 2.12 have no clearing (2.9 even defaults a scope-less operator to operator.admin): the glue slicer proves it on both handlers, where scopes is a const nothing writes (no assignment, update or in-place change; its connectParams copy holds only it)",
};
export const scopesClearUnlessBypass: ScopeRule = {
  id: "scopes.clear-unless-bypass", when: (i) => !i.allowBypass, then: true,
  why: "2.17–2.25 empty a device-less client's scopes unless a Control UI bypass knob is set; the shared secret does not exempt (glue sliced from every handler 2.17–2.25; live 2026-12-01: a device-less token CLI is cleared on 2.19, 2.21, 2.24, 2.25)",
};
export const scopesClearWithoutSecret: ScopeRule = {
  id: "scopes.clear-without-secret", when: (i) => !i.allowBypass && !i.sharedAuthOk, then: true,
  why: "GHSA-rqpp-rjj8-7wv8 (2.26–3.11): 2.26 added the verified-secret exemption, so a device-less client holding the token or password, or one the trusted proxy vouched for (sharedAuthOk from 2.23), keeps what it declared (glue sliced from every handler 2.26–3.11; live 2026-12-01: kept on 2.26)",
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
