import { AUTH, FINAL_AUTH, ORIGIN, NO_SCOPE_EXEMPTIONS, PAIRING } from "../common-stages.ts";
import { CONTROL_UI_POLICY } from "../control-ui-policy-rules.ts";
import type { EraModel } from "../era.ts";
import { BACKEND_PAIRING, CONTROL_UI_PAIRING, SILENT_PAIRING } from "../pairing-rules.ts";
import { scopesClearSecretOrProxy, scopesClearWhenNotAllowed, scopesKeep } from "../scope-rules.ts";
import {
  ROLE_SKIP_RULES, TRUSTED_PROXY_RULES, gateDevicePresent, gateDeviceRequired, gateFailedCredentials,
  gateOperatorSharedSecret, gateTrustedProxyControlUi,
} from "../shared-rules.ts";

/** E2 (2026.3.13 – 2026.5.7): the Control UI bypass becomes operator-only and needs no secret; scopes are cleared. */
export const E2: EraModel = {
  id: "E2",
  since: "2026.3.13",
  until: "2026.5.12",
  title: "operator-only Control UI bypass without a secret; unbound scopes cleared (GHSA-rqpp-rjj8-7wv8)",
  shape: { backendSkipFeedsGate: false },
  origin: ORIGIN,
  auth: AUTH,
  controlUiPolicy: CONTROL_UI_POLICY,
  gate: {
    name: "evaluateMissingDeviceIdentity",
    rules: [
      gateDevicePresent,
      gateTrustedProxyControlUi,
      { id: "gate.control-ui-bypass-operator", when: (i) => i.isControlUi && i.allowBypass && i.role === "operator", then: "allow",
        why: "#45512: dangerouslyDisableDeviceAuth restored for operators only, no shared secret needed" },
      { id: "gate.control-ui-insecure", when: (i) => i.isControlUi && !i.allowBypass && !(i.allowInsecureAuthConfigured && i.isLocalClient),
        then: "reject-control-ui-insecure-auth", why: "Control UI needs a device unless bypassed, or allowInsecureAuth on a local connection" },
      gateOperatorSharedSecret,
      gateFailedCredentials,
      gateDeviceRequired,
    ],
  },
  scopes: {
    name: "shouldClearUnboundScopesForMissingDeviceIdentity",
    rules: [
      { id: "scopes.clear-unless-control-ui-allowed", until: "2026.3.31", when: (i) => !(i.decision === "allow" && i.isControlUi),
        then: true, why: "3.13: every device-less connect loses its scopes except a Control UI the gate let in" },
      { id: "scopes.keep-allowed-control-ui", until: "2026.3.31", when: () => true, then: false, why: "the allowed Control UI keeps them" },
      { ...scopesClearWhenNotAllowed, since: "2026.3.31" },
      { id: "scopes.keep-bypass", since: "2026.3.31", when: (i) => i.allowBypass, then: false, why: "the operator chose the bypass" },
      { id: "scopes.keep-insecure-local-control-ui", since: "2026.3.31", when: (i) => i.preserveInsecureLocalControlUiScopes,
        then: false, why: "a local Control UI under allowInsecureAuth keeps its scopes" },
      { ...scopesClearSecretOrProxy, since: "2026.3.31" },
      { id: "scopes.clear-trusted-proxy-flag", since: "2026.3.31", when: (i) => i.trustedProxyAuthOk, then: true,
        why: "#57692: a trusted-proxy flag also clears (device-less trusted-proxy sessions get no unbound scopes)",
        unreachable: "trusted-proxy auth always has method trusted-proxy, which the rule above already clears" },
      { ...scopesKeep, since: "2026.3.31", unreachable: "in E2 every device-less admission is a Control UI knob or a shared secret, decided above" },
    ],
  },
  scopeExemptions: NO_SCOPE_EXEMPTIONS,
  finalAuth: FINAL_AUTH,
  controlUiPairing: CONTROL_UI_PAIRING,
  backendPairing: BACKEND_PAIRING,
  silentPairing: SILENT_PAIRING,
  pairing: PAIRING,
  roleSkip: { name: "roleCanSkipDeviceIdentity", rules: ROLE_SKIP_RULES },
  trustedProxy: { name: "isTrustedProxyControlUiOperatorAuth", rules: TRUSTED_PROXY_RULES },
};
