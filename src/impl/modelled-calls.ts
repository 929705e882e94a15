import type { CallOutcome } from "./call-session.ts";

/**
 * Functions a model answers for beyond the connect-policy adapters (the locality and auth
 * layers). Returns undefined when the function is not modelled.
 */
export function modelledCall(_version: string, _fn: string, _args: unknown[]): CallOutcome | undefined {
  return undefined;
}
