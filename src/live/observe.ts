/**
 * A live gateway's answer in the verdict vocabulary. The reason comes from the gateway's own
 * error code or close reason; an answer that fits none (an internal error, a timeout, an HTTP
 * refusal at upgrade, a device-proof failure) is `unexplained` and never agrees with anything.
 * The rule trail is the gateway's own words, so a reader sees what was actually observed.
 */
import type { Cell } from "../domain/cell.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { Observation } from "./handshake.ts";

const REASON_BY_CODE: [RegExp, Verdict["reason"]][] = [
  [/ORIGIN_NOT_ALLOWED|origin not allowed/i, "origin-not-allowed"],
  [/CONTROL_UI_DEVICE_IDENTITY_REQUIRED|control ui requires device identity/i, "control-ui-insecure-auth"],
  [/DEVICE_IDENTITY_REQUIRED|device identity required/i, "device-required"],
  [/PAIRING_REQUIRED|pairing required/i, "pairing-required"],
  [/^AUTH_|unauthorized/i, "unauthorized"],
];

/** What the harness learnt besides the handshake answer: whether the device ended up in the paired store. */
export interface ObservedFacts {
  observation: Observation;
  /** the device was sent and is in the gateway's paired store after the connect. */
  persisted?: boolean;
  /** the cell sent a paired device (pairing then reads "paired": a skip is not observable for it). */
  sentDevice: Cell["device"];
  role: Cell["role"];
  /** an upgrade cell admitted: whether the device is now approved for what it asked (read from the store or hello-ok). */
  upgraded?: boolean;
}

export function liveVerdict(facts: ObservedFacts): Verdict {
  const o = facts.observation;
  const said = describe(o);
  if (o.kind === "hello") {
    return { outcome: "admit", reason: "ok", scopes: observedScopes(facts), pairing: observedPairing(facts), rules: [`live:hello-ok`, ...said] };
  }
  const text = [o.error?.details?.code, o.error?.message, o.close?.reason].filter((s) => typeof s === "string");
  for (const [pattern, reason] of REASON_BY_CODE) {
    if (text.some((t) => pattern.test(String(t)))) {
      return { outcome: "reject", reason, scopes: "cleared", pairing: reason === "pairing-required" ? "required" : "no-device", rules: said };
    }
  }
  return { outcome: "reject", reason: "unexplained", scopes: "cleared", pairing: "no-device", rules: said };
}

/** The gateway's words: error code and message, close code and reason, HTTP status. */
function describe(o: Observation): string[] {
  const out: string[] = [];
  if (o.error) out.push(`live:${String(o.error.details?.code ?? o.error.code ?? "error")}: ${o.error.message ?? ""}`.trim());
  if (o.close && o.kind !== "hello") out.push(`live:close ${o.close.code} ${o.close.reason}`.trim());
  if (o.httpStatus) out.push(`live:http ${o.httpStatus} at upgrade`);
  if (o.kind === "timeout" || o.kind === "socket-error") out.push(`live:${o.kind} ${o.detail ?? ""}`.trim());
  if (o.probe && !o.probe.ok) out.push(`live:scope probe ${o.probe.code ?? ""} ${o.probe.message ?? ""}`.trim());
  return out;
}

/**
 * Operators ask for `operator.read`; hello-ok's granted scopes say whether they kept it, and where
 * a release grants without listing them (3.13 sends `auth: null` to device-less clients) a call
 * needing that scope does. Nodes ask for no scopes, so theirs read "kept" (nothing to clear).
 */
function observedScopes(facts: ObservedFacts): Verdict["scopes"] {
  if (facts.role === "node") return "kept";
  const granted = facts.observation.hello?.auth?.scopes;
  if (Array.isArray(granted)) return granted.includes("operator.read") ? "kept" : "cleared";
  const probe = facts.observation.probe;
  if (probe) return probe.ok ? "kept" : "cleared";
  return "cleared";
}

function observedPairing(facts: ObservedFacts): Verdict["pairing"] {
  if (facts.sentDevice === "none") return "no-device";
  // a paired device's upgrade approved without an operator reads silent; admitted without it, as any paired device
  if (facts.sentDevice === "paired") return facts.upgraded ? "silent" : "paired";
  return facts.persisted ? "silent" : "skipped";
}
