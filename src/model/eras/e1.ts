import { AUTH, FINAL_AUTH, ORIGIN, NO_SCOPE_EXEMPTIONS, PAIRING } from "../common-stages.ts";
import { CONTROL_UI_POLICY } from "../control-ui-policy-rules.ts";
import type { EraModel } from "../era.ts";
import { BACKEND_PAIRING, CONTROL_UI_PAIRING, SILENT_PAIRING } from "../pairing-rules.ts";
import {
  ROLE_SKIP_RULES, TRUSTED_PROXY_RULES, gateDevicePresent, gateDeviceRequired, gateFailedCredentials,
  gateOperatorSharedSecret, gateTrustedProxyControlUi,
} from "../shared-rules.ts";

/** E1 (2026.2.22 – 2026.3.11; the 2.22-1 republish already has it): connect-policy.ts; only operators may skip the device. */
export const E1: EraModel = {
  id: "E1",
  since: "2026.2.22-1",
  until: "2026.3.13",
  title: "operator-only skip; Control UI bypass still needs the shared secret",
  shape: {
    backendSkipFeedsGate: false,
  },
  origin: ORIGIN,
  auth: AUTH,
  controlUiPolicy: CONTROL_UI_POLICY,
  gate: {
    name: "evaluateMissingDeviceIdentity",
    rules: [
      gateDevicePresent,
      { ...gateTrustedProxyControlUi, since: "2026.2.24" },
      { id: "gate.control-ui-insecure", when: (i) => i.isControlUi && !i.allowBypass && !(i.allowInsecureAuthConfigured && i.isLocalClient),
        then: "reject-control-ui-insecure-auth",
        why: "Control UI needs a device unless bypassed, or allowInsecureAuth on a local connection" },
      gateOperatorSharedSecret,
      gateFailedCredentials,
      gateDeviceRequired,
    ],
  },
  scopes: {
    name: "inline clearUnboundScopes",
    rules: [
      { id: "scopes.clear-without-secret", when: (i) => !i.allowBypass && !i.sharedAuthOk, then: true,
        why: "requested scopes were emptied only when neither the bypass nor a verified secret applied" },
      { id: "scopes.keep", when: () => true, then: false, why: "a verified secret (or bypass) kept the requested scopes" },
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
