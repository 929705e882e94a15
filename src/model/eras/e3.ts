import type { EraModel } from "../era.ts";
import { EVERY_ERA_STAGES } from "../every-era-stages.ts";
import {
  scopesClearSecretOrProxy, scopesClearWhenNotAllowed, scopesKeep, scopesKeepBypass, scopesKeepInsecureLocalControlUi,
} from "../scope-rules.ts";
import {
  gateDevicePresent, gateDeviceRequired, gateFailedCredentials, gateOperatorSharedSecret,
  gateTrustedProxyControlUi, gateControlUiBypassOperator, gateControlUiInsecure,
} from "../gate-rules.ts";

/** E3 (2026.5.12 – 7.x): local backend operators may connect without a device, even under auth none. */
export const E3: EraModel = {
  id: "E3",
  since: "2026.5.12",
  until: "2026.8.1",
  title: "local backend operator exemption (localBackendSelfPairingOk), auth none included",
  ...EVERY_ERA_STAGES,
  shape: { backendSkipFeedsGate: true },
  gate: {
    name: "evaluateMissingDeviceIdentity",
    rules: [
      gateDevicePresent,
      gateTrustedProxyControlUi,
      gateControlUiBypassOperator,
      { id: "gate.local-backend-operator", when: (i) => i.localBackendSelfPairingOk && i.role === "operator", then: "allow",
        why: "#63548: the gateway's own local backend client (gateway-client/backend, no Origin) needs no device" },
      gateControlUiInsecure,
      gateOperatorSharedSecret,
      gateFailedCredentials,
      gateDeviceRequired,
    ],
  },
  scopes: {
    name: "shouldClearUnboundScopesForMissingDeviceIdentity",
    rules: [
      scopesClearWhenNotAllowed,
      scopesKeepBypass,
      scopesKeepInsecureLocalControlUi,
      { id: "scopes.keep-trusted-proxy-operator", until: "2026.5.18", when: (i) => i.trustedProxyAuthOk, then: false,
        why: "measured: in 5.12 a trusted-proxy operator kept its scopes; 5.18 clears them again (betas between not probed)" },
      scopesClearSecretOrProxy,
      scopesKeep,
    ],
  },
};
