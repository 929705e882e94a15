/**
 * Every dated boundary of the model (a rule's `since` or `until`), with the published releases
 * either side and what measures it: a registered live boundary (both releases run), the
 * release's own sliced function on both sides (every release's check compares it with the
 * model), read from the bundles only (`unmeasured`), or none of these (its why says how it was dated).
 */
import { compareVersions, isPrerelease } from "../domain/versions.ts";
import type { EraModel } from "../model/era.ts";
import { ERAS } from "../model/eras/index.ts";
import { publishedReleases } from "../model/releases.ts";
import type { RuleList } from "../model/rule.ts";
import { expectedAt } from "../differential/layer.ts";
import { LAYERS } from "../impl/release/layers.ts";
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

/**
 * The function a rule list models, when some layer slices it out of releases: found by the
 * list's name among every layer's functions and their adapters' exports (one declaration of the
 * layers, src/impl/release/layers.ts), and where its adapters have seen it. The auth stage is held
 * to the auth layer's authorizeGatewayConnect on every auth cell.
 */
function slicedFunction(key: keyof EraModel, list: RuleList<unknown, unknown>): { fn: string; at: (version: string) => boolean } | undefined {
  const name = key === "auth" ? "authorizeGatewayConnect" : list.name;
  for (const layer of LAYERS) {
    const fn = layer.functions.find((f) => f.function === name || f.adapters.some((a) => a.real === name));
    if (fn) return { fn: `${fn.function} (${layer.id} layer)`, at: (v) => expectedAt(fn, v) };
  }
  return undefined;
}

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
          const fn = slicedFunction(key, list);
          const sliced = fn && around.before && around.after && fn.at(around.before) && fn.at(around.after);
          const base = { rule: rule.id, list: list.name, side, at, ...around };
          const still = rule.unmeasured ? `; the rule still reads: unmeasured, ${rule.unmeasured}` : "";
          if (live) out.push({ ...base, how: "live", detail: `live on ${live.before} and ${live.after} (boundary ${live.id}: --cell ${live.cells})${still}`, live });
          else if (sliced) out.push({ ...base, how: "sliced", detail: `${fn!.fn} sliced on both sides (every release's check compares it with the model)` });
          else if (rule.unmeasured) out.push({ ...base, how: "unmeasured", detail: `read only: ${rule.unmeasured}` });
          else out.push({ ...base, how: "other", detail: `no layer slices ${list.name} on both sides, not run live: dated by its why (${rule.why})` });
        }
      }
    }
  }
  return out.sort((a, b) => compareVersions(a.at, b.at) || a.rule.localeCompare(b.rule));
}

function isRuleList(value: unknown): value is RuleList<unknown, unknown> {
  return typeof value === "object" && value !== null && Array.isArray((value as RuleList<unknown, unknown>).rules);
}
