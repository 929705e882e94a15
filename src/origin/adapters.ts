import { objectParam, type Adapter } from "../differential/adapter.ts";
import type { BrowserContext, BrowserContextInput, OriginAppliesInput, OriginCheckInput, OriginCheckResult } from "../model/origin-helper-rules.ts";
import { appliesArgs, checkArgs, contextArgs } from "./domain.ts";

export const CHECK_FN = "checkBrowserOrigin";
export const CONTEXT_FN = "resolveHandshakeBrowserSecurityContext";
export const APPLIES_FN = "resolveGatewayWsBrowserOrigin";

const record = (fn: string, value: unknown): Record<string, unknown> => {
  if (typeof value === "object" && value !== null) return value as Record<string, unknown>;
  throw new Error(`${fn} returned ${JSON.stringify(value) ?? "undefined"}, expected an object`);
};

/** checkBrowserOrigin's answer as the model states it: ok, and the matcher or the reason when the release names one. */
function checkResult(value: unknown): OriginCheckResult {
  const v = record(CHECK_FN, value);
  if (v.ok === true) return typeof v.matchedBy === "string" ? { ok: true, matchedBy: v.matchedBy } : { ok: true };
  if (v.ok === false && typeof v.reason === "string") return { ok: false, reason: v.reason };
  throw new Error(`${CHECK_FN} returned ${JSON.stringify(value)}, expected {ok, matchedBy?|reason}`);
}

const BASE = ["origin", "requestHost", "allowedOrigins"];
const WITH_FALLBACK = [...BASE, "allowHostHeaderOriginFallback"];
const WITH_LOCAL = [...WITH_FALLBACK, "isLocalClient"];

const checkShape = (shape: string, releases: Adapter["releases"], known: string[], required: string[]): Adapter<OriginCheckInput, OriginCheckResult> => ({
  real: CHECK_FN, shape, releases, matches: objectParam(known, required), toArgs: (i) => [checkArgs(i)], fromResult: checkResult,
});

/**
 * checkBrowserOrigin's three parameter shapes (every release has it): 2.9–2.22-1 reads the Origin,
 * Host and allowlist; 2.23 adds the Host-header fallback knob (3.1's `*` reads nothing new); 3.2
 * adds isLocalClient and names the matcher. All get the same object: a release ignores what it
 * does not read.
 */
export const CHECK_ADAPTERS: readonly Adapter<OriginCheckInput, OriginCheckResult>[] = [
  checkShape(`params{${WITH_LOCAL.join(",")}} → {ok, matchedBy|reason}`, { since: "2026.3.2" }, WITH_LOCAL, ["origin", "isLocalClient"]),
  checkShape(`params{${WITH_FALLBACK.join(",")}} → {ok, reason?}`, { since: "2026.2.23", until: "2026.3.2" }, WITH_FALLBACK, ["origin", "allowHostHeaderOriginFallback"]),
  checkShape(`params{${BASE.join(",")}} → {ok, reason?} (Host-header match always on)`, { until: "2026.2.23" }, BASE, BASE),
];

function contextResult(value: unknown): BrowserContext {
  const v = record(CONTEXT_FN, value);
  if (typeof v.hasBrowserOriginHeader !== "boolean" || typeof v.enforceOriginCheckForAnyClient !== "boolean") {
    throw new Error(`${CONTEXT_FN} returned ${JSON.stringify(value)?.slice(0, 200)}, expected the two Origin flags`);
  }
  return { hasBrowserOriginHeader: v.hasBrowserOriginHeader, enforceOriginCheckForAnyClient: v.enforceOriginCheckForAnyClient };
}

const CONTEXT_BASE = ["requestOrigin", "clientIp", "rateLimiter", "browserRateLimiter"];
const contextShape = (shape: string, releases: Adapter["releases"], known: string[], required: string[]): Adapter<BrowserContextInput, BrowserContext> => ({
  real: CONTEXT_FN, shape, releases, matches: objectParam(known, required), toArgs: (i) => [contextArgs(i)], fromResult: contextResult,
});

/** The browser security context from 2.25: it reads the proxy headers until 3.8, and not from 3.11 (the rate-limit fields are not compared). */
export const CONTEXT_ADAPTERS: readonly Adapter<BrowserContextInput, BrowserContext>[] = [
  contextShape(`params{${CONTEXT_BASE.join(",")}} → {hasBrowserOriginHeader, enforceOriginCheckForAnyClient, …}`, { since: "2026.3.11" }, CONTEXT_BASE, ["requestOrigin"]),
  contextShape(`params{${[...CONTEXT_BASE, "hasProxyHeaders"].join(",")}} → {hasBrowserOriginHeader, enforceOriginCheckForAnyClient, …}`,
    { since: "2026.2.25", until: "2026.3.11" }, [...CONTEXT_BASE, "hasProxyHeaders"], ["requestOrigin", "hasProxyHeaders"]),
];

const APPLIES_READS = ["client", "origin", "enforceOriginCheckForAnyClient", "requestHost", "isLocalClient"];

/** The call site's condition as a function of its own (9.2+): the facts the check needs, or undefined when the Origin is not checked. */
export const APPLIES_ADAPTERS: readonly Adapter<OriginAppliesInput, boolean>[] = [{
  real: APPLIES_FN,
  shape: `params{${APPLIES_READS.join(",")}} → {requestHost, origin, isLocalClient} | undefined`,
  releases: { since: "2026.9.2" },
  matches: objectParam(APPLIES_READS, ["client", "enforceOriginCheckForAnyClient"]),
  toArgs: (i) => [appliesArgs(i)],
  fromResult: (value) => {
    if (value === undefined || value === null) return false;
    record(APPLIES_FN, value);
    return true;
  },
}];
