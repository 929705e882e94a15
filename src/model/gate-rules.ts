import type { Rule } from "./rule.ts";
import type { GateInput, GateKind } from "./policy-functions.ts";

/**
 * Device-gate rules (evaluateMissingDeviceIdentity) that read the same in several eras. Each era file places them in its own order, so an
 * era's list still reads top to bottom on one screen.
 */
type GateRule = Rule<GateInput, GateKind>;

export const gateDevicePresent: GateRule = {
  id: "gate.device-present", when: (i) => i.hasDeviceIdentity, then: "allow",
  why: "a device identity goes on to signature proof and pairing",
};
export const gateTrustedProxyControlUi: GateRule = {
  id: "gate.control-ui-trusted-proxy", when: (i) => i.isControlUi && i.trustedProxyAuthOk, then: "allow",
  why: "an identity-aware proxy vouched for this Control UI operator (2.24+, measured)",
};
export const gateControlUiBypassOperator: GateRule = {
  id: "gate.control-ui-bypass-operator", when: (i) => i.isControlUi && i.allowBypass && i.role === "operator", then: "allow",
  why: "#45512: dangerouslyDisableDeviceAuth restored for operators only, no shared secret needed (3.13–7.x)",
};
export const gateControlUiInsecure: GateRule = {
  id: "gate.control-ui-insecure", when: (i) => i.isControlUi && !i.allowBypass && !(i.allowInsecureAuthConfigured && i.isLocalClient),
  then: "reject-control-ui-insecure-auth", why: "Control UI needs a device unless bypassed, or allowInsecureAuth on a local connection",
};
export const gateOperatorSharedSecret: GateRule = {
  id: "gate.operator-shared-secret", when: (i) => i.role === "operator" && i.sharedAuthOk, then: "allow",
  why: "roleCanSkipDeviceIdentity: operators holding the shared secret may connect before pairing a device",
};
export const gateFailedCredentials: GateRule = {
  id: "gate.failed-credentials", when: (i) => !i.authOk && i.hasSharedAuth, then: "reject-unauthorized",
  why: "a wrong token/password is reported as such, not as a missing device",
};
export const gateDeviceRequired: GateRule = {
  id: "gate.device-required", when: () => true, then: "reject-device-required",
  why: "default deny: everything else needs a device identity",
};
