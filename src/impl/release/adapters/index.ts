import type { PolicyFunctionName } from "../../../model/policy-functions.ts";
import type { RealAdapter } from "./adapter.ts";
import { BACKEND_PAIRING } from "./backend-pairing.ts";
import { CONTROL_UI_PAIRING } from "./control-ui-pairing.ts";
import { CONTROL_UI_POLICY } from "./control-ui-policy.ts";
import { GATE } from "./gate.ts";
import { ROLE_SKIP } from "./role-skip.ts";
import { SCOPES } from "./scopes.ts";
import { SILENT_PAIRING } from "./silent-pairing.ts";
import { TRUSTED_PROXY } from "./trusted-proxy.ts";

/** Every adapter, grouped by the abstract function it answers for. */
export const ADAPTERS: readonly RealAdapter[] = [
  CONTROL_UI_POLICY, GATE, ROLE_SKIP, TRUSTED_PROXY, SCOPES, ...CONTROL_UI_PAIRING, ...BACKEND_PAIRING, SILENT_PAIRING,
];

/** The OpenClaw exports clawproof slices to stand in for the policy functions. */
export const REAL_FUNCTIONS = [...new Set(ADAPTERS.map((a) => a.real))];

export function adaptersFor(fn: PolicyFunctionName): RealAdapter[] {
  return ADAPTERS.filter((a) => a.abstract === fn);
}
