import type { EraModel } from "../era.ts";
import { EVERY_ERA_STAGES } from "../every-era-stages.ts";
import {
  gateDevicePresent, gateDeviceRequired, gateFailedCredentials,
} from "../gate-rules.ts";
import { scopesClearUnlessBypass, scopesKeepBypassOrSecret, scopesNeverClearedInline } from "../scope-rules.ts";

/** E0 (≤ 2026.2.21): the device gate is inline in the message handler and ignores the role. */
export const E0: EraModel = {
  id: "E0",
  until: "2026.2.22-1",
  title: "inline gate: any role with a verified shared secret skips the device",
  ...EVERY_ERA_STAGES,
  shape: {
    backendSkipFeedsGate: false,
  },
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
    name: "inline scope clearing",
    rules: [
      { ...scopesNeverClearedInline, until: "2026.2.17" },
      { ...scopesClearUnlessBypass, since: "2026.2.17" },
      { ...scopesKeepBypassOrSecret, since: "2026.2.17" },
    ],
  },
};
