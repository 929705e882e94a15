import type { EraModel } from "../era.ts";
import { EVERY_ERA_STAGES } from "../every-era-stages.ts";
import {
  gateDevicePresent, gateDeviceRequired, gateFailedCredentials,
  gateOperatorSharedSecret, gateTrustedProxyControlUi, gateControlUiInsecure,
} from "../gate-rules.ts";
import { scopesClearUnlessBypass, scopesClearWithoutSecret, scopesKeepBypassOrSecret } from "../scope-rules.ts";

/** E1 (2026.2.22 – 2026.3.11; the 2.22-1 republish already has it): connect-policy.ts; only operators may skip the device. */
export const E1: EraModel = {
  id: "E1",
  since: "2026.2.22-1",
  until: "2026.3.13",
  title: "operator-only skip; Control UI bypass still needs the shared secret",
  ...EVERY_ERA_STAGES,
  shape: {
    backendSkipFeedsGate: false,
  },
  gate: {
    name: "evaluateMissingDeviceIdentity",
    rules: [
      gateDevicePresent,
      { ...gateTrustedProxyControlUi, since: "2026.2.24" },
      gateControlUiInsecure,
      gateOperatorSharedSecret,
      gateFailedCredentials,
      gateDeviceRequired,
    ],
  },
  scopes: {
    name: "inline clearUnboundScopes",
    rules: [
      { ...scopesClearUnlessBypass, until: "2026.2.26" },
      { ...scopesClearWithoutSecret, since: "2026.2.26" },
      scopesKeepBypassOrSecret,
    ],
  },
};
