import { z } from "zod";

/** Reasons use OpenClaw's own close-reason vocabulary, so a verdict reads like the gateway's log. */
export const REASONS = [
  "ok",
  "origin-not-allowed",
  "device-required",
  "unauthorized",
  "control-ui-insecure-auth",
  "pairing-required",
  /** a live gateway answer that fits no reason above (an internal error, a timeout, a refused upgrade): never agrees. */
  "unexplained",
] as const;
/** How the device's pairing was settled: no device, already paired, skipped, silently auto-approved, or left to an operator. */
export const PAIRINGS = ["no-device", "paired", "skipped", "silent", "required"] as const;

export const VerdictSchema = z.object({
  outcome: z.enum(["admit", "reject"]),
  reason: z.enum(REASONS),
  /** whether the client keeps the scopes it asked for; a device-less client's unbound scopes may be cleared. */
  scopes: z.enum(["kept", "cleared"]),
  pairing: z.enum(PAIRINGS),
  /** ids of the rules that decided, in handshake order. */
  rules: z.array(z.string()),
});

export type Verdict = z.infer<typeof VerdictSchema>;
export type Reason = Verdict["reason"];

/** Two verdicts are the same decision when everything but the rule trail agrees. */
export function sameDecision(a: Verdict, b: Verdict): boolean {
  return a.outcome === b.outcome && a.reason === b.reason && a.scopes === b.scopes && a.pairing === b.pairing;
}

export function showVerdict(v: Verdict): string {
  const head = v.outcome === "admit" ? `admit (scopes ${v.scopes}, pairing ${v.pairing})` : `reject ${v.reason}`;
  return `${head} [${v.rules.join(" > ")}]`;
}
