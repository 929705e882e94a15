import { AUTH, FINAL_AUTH, NO_SCOPE_EXEMPTIONS, ORIGIN, PAIRING } from "./common-stages.ts";
import { CONTROL_UI_POLICY } from "./control-ui-policy-rules.ts";
import type { EraModel } from "./era.ts";
import { BACKEND_PAIRING, CONTROL_UI_PAIRING, SILENT_PAIRING } from "./pairing-rules.ts";
import { ROLE_SKIP_RULES, TRUSTED_PROXY_RULES } from "./shared-rules.ts";

/**
 * Stages whose changes are dated rule by rule rather than by era: every era uses these lists,
 * so an era file only spells out what is its own (the device gate and scope clearing).
 */
export const SHARED_STAGES = {
  origin: ORIGIN,
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
