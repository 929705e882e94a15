import type { Rule } from "../model/rule.ts";
import type { AuthCell } from "./auth-cell.ts";

/** `method` of a successful authorizeGatewayConnect. */
export const AUTH_RESULT_METHODS = ["none", "token", "password", "tailscale", "trusted-proxy"] as const;
export type AuthResultMethod = (typeof AUTH_RESULT_METHODS)[number];

/**
 * What authorizeGatewayConnect decides, reduced to what the handshake reads: ok, and the method
 * on success or the reason on failure (a release also returns `user`, rate-limit fields and, in
 * 9.6, the Tailscale identity; none of them change the decision).
 */
export type AuthOutcome = { ok: true; method: AuthResultMethod } | { ok: false; reason: string };

export const ok = (method: AuthResultMethod): AuthOutcome => ({ ok: true, method });
export const fail = (reason: string): AuthOutcome => ({ ok: false, reason });

export type AuthRule = Rule<AuthCell, AuthOutcome>;

/** Keeps only the fields compared, in a fixed order, from a model's or a release's answer. */
export function outcomeOf(value: unknown): AuthOutcome {
  const v = (value ?? {}) as { ok?: unknown; method?: unknown; reason?: unknown };
  if (v.ok === true && AUTH_RESULT_METHODS.includes(v.method as AuthResultMethod)) return ok(v.method as AuthResultMethod);
  if (v.ok === false && typeof v.reason === "string") return fail(v.reason);
  throw new Error(`authorizeGatewayConnect returned ${JSON.stringify(value)}, expected {ok, method} or {ok: false, reason}`);
}

export const showOutcome = (o: AuthOutcome) => (o.ok ? `ok/${o.method}` : `fail/${o.reason}`);
