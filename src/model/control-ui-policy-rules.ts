import type { RuleList } from "./rule.ts";
import type { ControlUiPolicy, ControlUiPolicyInput } from "./policy-functions.ts";

type In = ControlUiPolicyInput;
const none = (i: In): ControlUiPolicy => ({ allowInsecureAuthConfigured: false, allowBypass: false, keepsDevice: i.hasDevice });

/** resolveControlUiAuthPolicy (2.21–7.x; inline before, retired in 8.1). */
export const CONTROL_UI_POLICY: RuleList<In, ControlUiPolicy> = {
  name: "resolveControlUiAuthPolicy",
  rules: [
    { id: "cui-policy.retired", since: "2026.8.1", when: () => true, then: none,
      why: "8.1 retired both knobs: they are ignored, the device always counts" },
    { id: "cui-policy.not-control-ui", until: "2026.8.1", when: (i) => !i.isControlUi, then: none, why: "the knobs only ever apply to the Control UI" },
    { id: "cui-policy.bypass-drops-device", until: "2026.8.1", when: (i) => i.dangerouslyDisableDeviceAuth,
      then: (i) => ({ allowInsecureAuthConfigured: i.allowInsecureAuth, allowBypass: true, keepsDevice: false }),
      why: "dangerouslyDisableDeviceAuth bypasses the device check and ignores any device the client sent; inline before 2.21 (the 2.9–2.19 handlers null the device under it; was dated from 2.21). Live 2026-12-01 on 2.19 and 2.21 (local Control UI, a device, no token): both refuse it as device-less, 7.35 and 8.1 (boundary control-ui-knobs-retired) agree" },
    { id: "cui-policy.insecure-is-bypass", until: "2026.2.21", when: (i) => i.allowInsecureAuth,
      then: (i) => ({ allowInsecureAuthConfigured: i.allowInsecureAuth, allowBypass: true, keepsDevice: i.hasDevice }),
      why: "≤2.19 allowInsecureAuth bypassed the device check too; the device was still used if sent (inline before 2.21, where resolveControlUiAuthPolicy is sliced from). Live 2026-12-01 on 2.19 and 2.21 (boundary control-ui-insecure-not-bypass, local Control UI cells: 2.19's schema refuses gateway.customBindHost, so no remote peer): 2.19 admits a device-less Control UI under allowInsecureAuth, 2.21 refuses it" },
    { id: "cui-policy.flags", until: "2026.8.1", when: () => true,
      then: (i) => ({ allowInsecureAuthConfigured: i.allowInsecureAuth, allowBypass: false, keepsDevice: i.hasDevice }),
      why: "allowInsecureAuth alone is reported, not a bypass" },
  ],
};
