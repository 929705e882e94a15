import type { EraModel } from "../era.ts";
import { EVERY_ERA_STAGES } from "../every-era-stages.ts";
import {
  scopesClearSecretOrProxy, scopesClearSecretOrProxyFlag, scopesClearWhenNotAllowed, scopesKeep, scopesKeepBypass,
  scopesKeepInsecureLocalControlUi, scopesKeepUnflagged,
} from "../scope-rules.ts";
import {
  gateDevicePresent, gateDeviceRequired, gateFailedCredentials, gateOperatorSharedSecret,
  gateTrustedProxyControlUi, gateControlUiBypassOperator, gateControlUiInsecure,
} from "../gate-rules.ts";

/** E2 (2026.3.13 – 2026.5.7): the Control UI bypass becomes operator-only and needs no secret; scopes are cleared. */
export const E2: EraModel = {
  id: "E2",
  since: "2026.3.13",
  until: "2026.5.12",
  title: "operator-only Control UI bypass without a secret; unbound scopes cleared (GHSA-rqpp-rjj8-7wv8)",
  ...EVERY_ERA_STAGES,
  shape: { backendSkipFeedsGate: false },
  gate: {
    name: "evaluateMissingDeviceIdentity",
    rules: [
      gateDevicePresent,
      gateTrustedProxyControlUi,
      gateControlUiBypassOperator,
      gateControlUiInsecure,
      gateOperatorSharedSecret,
      gateFailedCredentials,
      gateDeviceRequired,
    ],
  },
  scopes: {
    name: "shouldClearUnboundScopesForMissingDeviceIdentity",
    rules: [
      { id: "scopes.clear-unless-control-ui-allowed", until: "2026.3.22", when: (i) => !(i.decision === "allow" && i.isControlUi),
        then: true, why: "3.13: every device-less connect loses its scopes except a Control UI the gate let in (glue sliced from the 3.13 handler)" },
      { id: "scopes.keep-allowed-control-ui", until: "2026.3.22", when: () => true, then: false, why: "the allowed Control UI keeps them" },
      { ...scopesClearWhenNotAllowed, since: "2026.3.22" },
      { ...scopesKeepBypass, since: "2026.3.23-1",
        why: "the operator chose the bypass (from 3.23-1 the handler's inline guard tests it; 3.22 clears a bypass Control UI holding a secret: glue sliced from 3.22 and 3.23-1)" },
      { ...scopesKeepInsecureLocalControlUi, since: "2026.3.22" },
      { ...scopesClearSecretOrProxyFlag, since: "2026.3.22", until: "2026.3.31" },
      { ...scopesClearSecretOrProxy, since: "2026.3.31" },
      { id: "scopes.clear-trusted-proxy-flag", since: "2026.3.31", when: (i) => i.trustedProxyAuthOk, then: true,
        why: "#57692: a trusted-proxy flag also clears (device-less trusted-proxy sessions get no unbound scopes)",
        unreachable: "trusted-proxy auth always has method trusted-proxy, which the rule above already clears" },
      { ...scopesKeepUnflagged, since: "2026.3.22", until: "2026.3.31" },
      { ...scopesKeep, since: "2026.3.31", unreachable: "in E2 every device-less admission is a Control UI knob or a shared secret, decided above" },
    ],
  },
};
