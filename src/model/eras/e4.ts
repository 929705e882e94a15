import type { EraModel } from "../era.ts";
import { EVERY_ERA_STAGES } from "../every-era-stages.ts";
import { scopesClearSecretOrProxy, scopesClearWhenNotAllowed, scopesKeep } from "../scope-rules.ts";
import {
  gateDevicePresent, gateDeviceRequired, gateFailedCredentials,
  gateOperatorSharedSecret, gateTrustedProxyControlUi,
} from "../gate-rules.ts";

/** E4 (2026.8.1 – newest): the Control UI knobs are retired; a device-less Control UI needs trusted-proxy auth. */
export const E4: EraModel = {
  id: "E4",
  since: "2026.8.1",
  title: "Control UI bypasses retired; local CLI and backend shared-secret sessions keep scopes",
  ...EVERY_ERA_STAGES,
  shape: { backendSkipFeedsGate: true },
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
};
