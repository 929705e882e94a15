import { SCOPE_GLUE } from "../../glue/scope-clear.ts";
import { FUNCTION_DOMAINS } from "../../model/function-domains.ts";
import type { PolicyFunctionName } from "../../model/policy-functions.ts";

/**
 * Inline glue the composed handshake asks in a policy function's place, where the release keeps
 * that decision inline: the glue reads the function's own inputs (the layer holds it to the same
 * model list on the same domain), so it is tabulated on that domain and looked up like the
 * function. The scope clearing before 3.31 is the handler's inline `scopes = []` test; from 3.31
 * shouldClearUnboundScopesForMissingDeviceIdentity is sliced by the policy layer instead.
 */
export const GLUE_STANDS_FOR: Readonly<Record<string, PolicyFunctionName>> = { [SCOPE_GLUE.function]: "shouldClearUnboundScopes" };

/** The policy function whose domain (and handshake slot) a tabulated function's answers are kept on; undefined if none. */
export function policySlotOf(fn: string): PolicyFunctionName | undefined {
  return GLUE_STANDS_FOR[fn] ?? (fn in FUNCTION_DOMAINS ? (fn as PolicyFunctionName) : undefined);
}

/** The glue function standing in for a policy function (for provenance), if any. */
export function glueFor(fn: string): string | undefined {
  return Object.entries(GLUE_STANDS_FOR).find(([, slot]) => slot === fn)?.[0];
}
