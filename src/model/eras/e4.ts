import { AUTH, FINAL_AUTH, ORIGIN, PAIRING } from "../common-stages.ts";
import { CONTROL_UI_POLICY } from "../control-ui-policy-rules.ts";
import type { EraModel } from "../era.ts";
import { BACKEND_PAIRING, CONTROL_UI_PAIRING, SILENT_PAIRING } from "../pairing-rules.ts";
import { scopesClearSecretOrProxy, scopesClearWhenNotAllowed, scopesKeep } from "../scope-rules.ts";
import {
  ROLE_SKIP_RULES, TRUSTED_PROXY_RULES, gateDevicePresent, gateDeviceRequired, gateFailedCredentials,
  gateOperatorSharedSecret, gateTrustedProxyControlUi,
} from "../shared-rules.ts";

/** E4 (2026.8.1 – newest): the Control UI knobs are retired; a device-less Control UI needs trusted-proxy auth. */
export const E4: EraModel = {
  id: "E4",
  since: "2026.8.1",
  title: "Control UI bypasses retired; local CLI and backend shared-secret sessions keep scopes",
  shape: { backendSkipFeedsGate: true },
  origin: ORIGIN,
  auth: AUTH,
  controlUiPolicy: CONTROL_UI_POLICY,
  gate: {
    name: "evaluateMissingDeviceIdentity",
    rules: [
      gateDevicePresent,
      gateTrustedProxyControlUi,
      { id: "gate.local-backend-operator", when: (i) => i.localBackendSelfPairingOk && i.role === "operator", then: "allow",
        why: "the gateway's own local backend client needs no device" },
      { id: "gate.control-ui-any", when: (i) => i.isControlUi, then: "reject-control-ui-insecure-auth",
        why: "dangerouslyDisableDeviceAuth and allowInsecureAuth are retired and ignored" },
      gateOperatorSharedSecret,
      gateFailedCredentials,
      gateDeviceRequired,
    ],
  },
  scopes: {
    name: "shouldClearUnboundScopesForMissingDeviceIdentity",
    rules: [scopesClearWhenNotAllowed, scopesClearSecretOrProxy, scopesKeep],
  },
  scopeExemptions: {
    name: "caller scope exemptions",
    rules: [
      { id: "scopes.preserve-local-backend", when: (i) => i.clear && i.localBackendSelfPairingOk, then: false,
        why: "the gateway's own backend client keeps the scopes it asked for" },
      { id: "scopes.preserve-local-cli", when: (i) => i.clear && i.isLocalCliSharedSecret, then: false,
        why: "shouldPreserveLocalCliSharedAuthScopes: a local CLI holding the shared secret keeps its scopes" },
      { id: "scopes.cleared", when: (i) => i.clear, then: true, why: "shouldClearUnboundScopes said clear" },
      { id: "scopes.kept", when: () => true, then: false, why: "shouldClearUnboundScopes said keep" },
    ],
  },
  finalAuth: FINAL_AUTH,
  controlUiPairing: CONTROL_UI_PAIRING,
  backendPairing: BACKEND_PAIRING,
  silentPairing: SILENT_PAIRING,
  pairing: PAIRING,
  roleSkip: { name: "roleCanSkipDeviceIdentity", rules: ROLE_SKIP_RULES },
  trustedProxy: { name: "isTrustedProxyControlUiOperatorAuth", rules: TRUSTED_PROXY_RULES },
};
