import { AUTH, FINAL_AUTH, ORIGIN, NO_SCOPE_EXEMPTIONS, PAIRING } from "../common-stages.ts";
import { CONTROL_UI_POLICY } from "../control-ui-policy-rules.ts";
import type { EraModel } from "../era.ts";
import { BACKEND_PAIRING, CONTROL_UI_PAIRING, SILENT_PAIRING } from "../pairing-rules.ts";
import { ROLE_SKIP_RULES, TRUSTED_PROXY_RULES, gateDevicePresent, gateDeviceRequired, gateFailedCredentials } from "../shared-rules.ts";

/** E0 (≤ 2026.2.21): the device gate is inline in the message handler and ignores the role. */
export const E0: EraModel = {
  id: "E0",
  until: "2026.2.22-1",
  title: "inline gate: any role with a verified shared secret skips the device",
  shape: {
    backendSkipFeedsGate: false,
  },
  origin: ORIGIN,
  auth: AUTH,
  controlUiPolicy: CONTROL_UI_POLICY,
  gate: {
    name: "inline device gate",
    rules: [
      gateDevicePresent,
      { id: "gate.control-ui-no-bypass", when: (i) => i.isControlUi && !i.allowBypass, then: "reject-control-ui-insecure-auth",
        why: "a Control UI needs a device unless a bypass knob is set (2.9/2.17: allowInsecureAuth too; 2.21: only dangerouslyDisableDeviceAuth)" },
      { id: "gate.any-role-shared-secret", when: (i) => i.sharedAuthOk, then: "allow",
        why: "canSkipDevice = sharedAuthOk, with no role condition: a node with the token skips the device" },
      gateFailedCredentials,
      gateDeviceRequired,
    ],
  },
  scopes: {
    name: "scope clearing (none)",
    rules: [{ id: "scopes.never-cleared", when: () => true, then: false,
      why: "E0 never clears requested scopes (2.9 even defaults a scope-less operator to operator.admin)" }],
  },
  scopeExemptions: NO_SCOPE_EXEMPTIONS, // its "cleared" step drops out: E0 never clears
  finalAuth: FINAL_AUTH,
  controlUiPairing: CONTROL_UI_PAIRING,
  backendPairing: BACKEND_PAIRING,
  silentPairing: SILENT_PAIRING,
  pairing: PAIRING,
  roleSkip: { name: "roleCanSkipDeviceIdentity (absent)", rules: ROLE_SKIP_RULES },
  trustedProxy: { name: "isTrustedProxyControlUiOperatorAuth (absent)", rules: TRUSTED_PROXY_RULES },
};
