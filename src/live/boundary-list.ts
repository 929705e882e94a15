/**
 * Every dated boundary of the model (a rule's `since` or `until`), with the published releases
 * either side and what measures it: a registered live boundary (both releases run), the
 * release's own sliced function on both sides (every release's check compares it with the
 * model), read from the bundles only (`unmeasured`), or none of these (its why says how it was dated).
 */
import { compareVersions, isPrerelease } from "../domain/versions.ts";
import type { EraModel } from "../model/era.ts";
import { ERAS } from "../model/eras/index.ts";
import type { PolicyFunctionName } from "../model/policy-functions.ts";
import { publishedReleases } from "../model/releases.ts";
import type { RuleList } from "../model/rule.ts";
import { inVersionRange } from "../domain/versions.ts";
import { adaptersFor } from "../impl/release/adapters/index.ts";
import { AUTH_ADAPTERS } from "../auth/real/adapters.ts";
import { LIVE_BOUNDARIES, type LiveBoundary } from "./boundaries.ts";

export type Measured = "live" | "sliced" | "unmeasured" | "other";

export interface RuleBoundary {
  rule: string;
  list: string;
  /** the rule's own date and which end of its range it is. */
  side: "since" | "until";
  at: string;
  /** the published releases either side (undefined past either end of the list). */
  before?: string;
  after?: string;
  how: Measured;
  detail: string;
  live?: LiveBoundary;
}

/** The era lists modelling a function clawproof slices out of releases, and where its adapters have seen it. */
const policy = (fn: PolicyFunctionName) => ({ fn, at: (v: string) => adaptersFor(fn).some((a) => inVersionRange(v, a.releases)) });
const SLICED: Partial<Record<keyof EraModel, { fn: string; at: (version: string) => boolean }>> = {
  controlUiPolicy: policy("resolveControlUiAuthPolicy"),
  gate: policy("evaluateMissingDeviceIdentity"),
  roleSkip: policy("roleCanSkipDeviceIdentity"),
  trustedProxy: policy("isTrustedProxyControlUiOperatorAuth"),
  scopes: policy("shouldClearUnboundScopes"),
  controlUiPairing: policy("shouldSkipControlUiPairing"),
  backendPairing: policy("shouldSkipBackendSelfPairing"),
  silentPairing: policy("shouldAllowSilentLocalPairing"),
  // the auth stage is held to the auth layer: the release's own authorizeGatewayConnect on every auth cell
  auth: { fn: "authorizeGatewayConnect (auth layer)", at: (v) => AUTH_ADAPTERS.some((a) => inVersionRange(v, a.releases)) },
};

const stable = () => publishedReleases().map((r) => r.version).filter((v) => !isPrerelease(v));

/** The last stable published release before `at` and the first at or after it. */
export function releasesAround(at: string): { before?: string; after?: string } {
  const versions = stable();
  const before = versions.filter((v) => compareVersions(v, at) < 0).at(-1);
  const after = versions.find((v) => compareVersions(v, at) >= 0);
  return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
}

export function ruleBoundaries(): RuleBoundary[] {
  const seen = new Set<string>();
  const out: RuleBoundary[] = [];
  for (const era of ERAS) {
    // every rule list of the era, helper lists consulted inside a step included
    for (const [key, value] of Object.entries(era) as [keyof EraModel, unknown][]) {
      if (!isRuleList(value)) continue;
      const list = value;
      for (const rule of list.rules) {
        for (const side of ["since", "until"] as const) {
          const at = rule[side];
          if (!at || seen.has(`${rule.id}@${side}`)) continue;
          seen.add(`${rule.id}@${side}`);
          const around = releasesAround(at);
          const live = LIVE_BOUNDARIES.find((b) => b.rules.includes(rule.id) && b.after === around.after);
          const fn = SLICED[key];
          const sliced = fn && around.before && around.after && fn.at(around.before) && fn.at(around.after);
          const base = { rule: rule.id, list: list.name, side, at, ...around };
          const still = rule.unmeasured ? `; the rule still reads: unmeasured, ${rule.unmeasured}` : "";
          if (live) out.push({ ...base, how: "live", detail: `live on ${live.before} and ${live.after} (boundary ${live.id}: --cell ${live.cells})${still}`, live });
          else if (sliced) out.push({ ...base, how: "sliced", detail: `${fn!.fn} sliced on both sides (every release's check compares it with the model)` });
          else if (rule.unmeasured) out.push({ ...base, how: "unmeasured", detail: `read only: ${rule.unmeasured}` });
          else out.push({ ...base, how: "other", detail: `no adapter of the policy or auth layer on both sides, not run live: dated by its why (${rule.why})` });
        }
      }
    }
  }
  return out.sort((a, b) => compareVersions(a.at, b.at) || a.rule.localeCompare(b.rule));
}

function isRuleList(value: unknown): value is RuleList<unknown, unknown> {
  return typeof value === "object" && value !== null && Array.isArray((value as RuleList<unknown, unknown>).rules);
}
