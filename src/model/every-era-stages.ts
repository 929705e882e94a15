import { AUTH, FINAL_AUTH } from "./auth-rules.ts";
import { ORIGIN } from "./origin-rules.ts";
import { ORIGIN_HELPER_LISTS } from "./origin-step.ts";
import { PAIRING } from "./pairing-step-rules.ts";
import { NO_SCOPE_EXEMPTIONS } from "./scope-rules.ts";
import { CONTROL_UI_POLICY } from "./control-ui-policy-rules.ts";
import type { EraModel } from "./era.ts";
import { BACKEND_PAIRING, CONTROL_UI_PAIRING, SILENT_PAIRING } from "./pairing-helper-rules.ts";
import { ROLE_SKIP_RULES, TRUSTED_PROXY_RULES } from "./gate-helper-rules.ts";

/**
 * Stages whose changes are dated rule by rule rather than by era: every era uses these lists,
 * so an era file (eras/e0.ts … e4.ts) only spells out what is its own (the device gate and
 * scope clearing). Where each stage's rules live, in handshake order:
 *   origin-rules.ts        the browser Origin check
 *   origin-helper-rules.ts its helpers (security context, call site, checkBrowserOrigin)
 *   auth-rules.ts          auth outcome (resolveConnectAuthState) and the final auth decision
 *   gate-rules.ts          device-gate rules several eras reuse (evaluateMissingDeviceIdentity)
 *   gate-helper-rules.ts   roleCanSkipDeviceIdentity, isTrustedProxyControlUiOperatorAuth
 *   control-ui-policy-rules.ts  the Control UI settings the gate reads
 *   scope-rules.ts         scope clearing and the caller's exemptions
 *   pairing-helper-rules.ts     the pairing skips and silent local pairing
 *   pairing-step-rules.ts  the pairing decision that composes them
 * Input and output types of every stage: stage-types.ts.
 */
export const EVERY_ERA_STAGES = {
  origin: ORIGIN,
  ...ORIGIN_HELPER_LISTS,
  auth: AUTH,
  controlUiPolicy: CONTROL_UI_POLICY,
  scopeExemptions: NO_SCOPE_EXEMPTIONS,
  finalAuth: FINAL_AUTH,
  controlUiPairing: CONTROL_UI_PAIRING,
  backendPairing: BACKEND_PAIRING,
  silentPairing: SILENT_PAIRING,
  pairing: PAIRING,
  roleSkip: { name: "roleCanSkipDeviceIdentity", rules: ROLE_SKIP_RULES },
  trustedProxy: { name: "isTrustedProxyControlUiOperatorAuth", rules: TRUSTED_PROXY_RULES },
} satisfies Partial<EraModel>;
