import { AUTH, FINAL_AUTH, ORIGIN, NO_SCOPE_EXEMPTIONS, PAIRING } from "../common-stages.ts";
import { CONTROL_UI_POLICY } from "../control-ui-policy-rules.ts";
import type { EraModel } from "../era.ts";
import { BACKEND_PAIRING, CONTROL_UI_PAIRING, SILENT_PAIRING } from "../pairing-rules.ts";
import { scopesClearSecretOrProxy, scopesClearWhenNotAllowed, scopesKeep } from "../scope-rules.ts";
import {
  ROLE_SKIP_RULES, TRUSTED_PROXY_RULES, gateDevicePresent, gateDeviceRequired, gateFailedCredentials,
  gateOperatorSharedSecret, gateTrustedProxyControlUi,
} from "../shared-rules.ts";

/** E3 (2026.5.12 – 7.x): local backend operators may connect without a device, even under auth none. */
export const E3: EraModel = {
  id: "E3",
  since: "2026.5.12",
  until: "2026.8.1",
  title: "local backend operator exemption (localBackendSelfPairingOk), auth none included",
  shape: { backendSkipFeedsGate: true },
  origin: ORIGIN,
  auth: AUTH,
  controlUiPolicy: CONTROL_UI_POLICY,
  gate: {
    name: "evaluateMissingDeviceIdentity",
    rules: [
      gateDevicePresent,
      gateTrustedProxyControlUi,
      { id: "gate.control-ui-bypass-operator", when: (i) => i.isControlUi && i.allowBypass && i.role === "operator", then: "allow",
        why: "dangerouslyDisableDeviceAuth, operators only" },
      { id: "gate.local-backend-operator", when: (i) => i.localBackendSelfPairingOk && i.role === "operator", then: "allow",
        why: "#63548: the gateway's own local backend client (gateway-client/backend, no Origin) needs no device" },
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
      scopesClearWhenNotAllowed,
      { id: "scopes.keep-bypass", when: (i) => i.allowBypass, then: false, why: "the operator chose the bypass" },
      { id: "scopes.keep-insecure-local-control-ui", when: (i) => i.preserveInsecureLocalControlUiScopes, then: false,
        why: "a local Control UI under allowInsecureAuth keeps its scopes" },
      { id: "scopes.keep-trusted-proxy-operator", until: "2026.5.18", when: (i) => i.trustedProxyAuthOk, then: false,
        why: "measured: in 5.12 a trusted-proxy operator kept its scopes; 5.18 clears them again (betas between not probed)" },
      scopesClearSecretOrProxy,
      scopesKeep,
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
