/**
 * Every dated boundary of the model (a rule's `since` or `until`), with the published releases
 * either side and what measures it: a registered live boundary (both releases run), the
 * release's own sliced function on both sides (every release's check compares it with the
 * model), read from the bundles only (`unmeasured`), or none of these (its why says how it was dated).
 */
import { compareVersions, inVersionRange, isPrerelease } from "../domain/versions.ts";
import { ERAS } from "../model/eras/index.ts";
import { publishedReleases } from "../model/releases.ts";
import type { RuleList } from "../model/rule.ts";
import { expectedAt, type Layer, type LayerFunction } from "../differential/layer.ts";
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

/** A function some layer slices out of releases and holds to the model. */
interface Held {
  fn: LayerFunction;
  layer: string;
}
const name = (h: Held) => `${h.fn.function} (${h.layer} layer)`;

/**
 * The real code held to a rule list at one release: every layer function (one declaration of the
 * layers, src/impl/release/layers.ts) named like the list, or exporting under its name, or
 * declaring that it answers the list there, that the release is expected to carry and that the
 * model judges at that version.
 */
function heldAt(list: RuleList<unknown, unknown>, version: string, layers: readonly Layer[]): Held[] {
  const out: Held[] = [];
  for (const layer of layers) {
    for (const fn of layer.functions) {
      const named = fn.function === list.name || fn.adapters.some((a) => a.real === list.name);
      const declared = fn.answers?.some((a) => a.list === list.name && inVersionRange(version, a));
      if ((named || declared) && expectedAt(fn, version) && fn.model(version)) out.push({ fn, layer: layer.id });
    }
  }
  return out;
}

/**
 * Whether one function's model sees the boundary: its answers change from one release to the
 * next on an input both have, or its domain itself changes there (an input only one side can be
 * given, e.g. a locality the later release first produces).
 */
function changesAcross(fn: LayerFunction, before: string, after: string): "answers" | "domain" | undefined {
  let seen = seenAcross.get(fn);
  if (!seen) seenAcross.set(fn, (seen = new Map()));
  const at = `${before} → ${after}`;
  if (!seen.has(at)) seen.set(at, compareAcross(fn, before, after));
  return seen.get(at);
}
// many rules share a boundary; a function's domain is compared across it once
const seenAcross = new WeakMap<LayerFunction, Map<string, "answers" | "domain" | undefined>>();

function compareAcross(fn: LayerFunction, before: string, after: string): "answers" | "domain" | undefined {
  const was = answersAt(fn, before);
  const is = answersAt(fn, after);
  for (const [key, answer] of is) if (was.has(key) && was.get(key) !== answer) return "answers";
  return was.size !== is.size || [...is.keys()].some((k) => !was.has(k)) ? "domain" : undefined;
}

/** The model's answer (as JSON) per input (as JSON) of one function at one version, computed once. */
function answersAt(fn: LayerFunction, version: string): Map<string, string> {
  let byVersion = answersOf.get(fn);
  if (!byVersion) answersOf.set(fn, (byVersion = new Map()));
  let answers = byVersion.get(version);
  if (!answers) {
    const model = fn.model(version)!;
    byVersion.set(version, (answers = new Map(fn.inputs(version).map((i) => [keyOf(i), JSON.stringify(model(i))]))));
  }
  return answers;
}
const answersOf = new WeakMap<LayerFunction, Map<string, Map<string, string>>>();

/** The model rules that decide some input of one function at one version, where its report names them (`modelRule`). */
function rulesHit(fn: LayerFunction, version: string): Set<string> | undefined {
  let byVersion = hitsOf.get(fn);
  if (!byVersion) hitsOf.set(fn, (byVersion = new Map()));
  if (!byVersion.has(version)) {
    const named = fn.inputs(version).map((i) => fn.show(i, version).modelRule).filter((r): r is string => typeof r === "string");
    byVersion.set(version, named.length ? new Set(named) : undefined);
  }
  return byVersion.get(version);
}
const hitsOf = new WeakMap<LayerFunction, Map<string, Set<string> | undefined>>();

// a layer's inputs are the same objects at every version; each is spelled out once
const keys = new WeakMap<object, string>();
function keyOf(input: unknown): string {
  if (typeof input !== "object" || input === null) return JSON.stringify(input);
  let key = keys.get(input);
  if (key === undefined) keys.set(input, (key = JSON.stringify(input)));
  return key;
}

/**
 * How real code measures a boundary between two releases: one function held to the model on both
 * sides whose model answers change there (so a release moving the boundary fails a check), or one
 * function on the side before and another after (inline code handing over to a function of its
 * own), each held on its side. Otherwise why not, side by side.
 */
export function slicedAcross(
  list: RuleList<unknown, unknown>, before: string, after: string, layers: readonly Layer[] = LAYERS, rule?: { id: string; side: "since" | "until" },
): { sliced: boolean; detail: string } {
  // on the side the rule is in force, a function that names this list's rules as its answers' must name this one somewhere
  const ids = new Set(list.rules.map((r) => r.id));
  const decides = (version: string) => (h: Held) => {
    const hits = rulesHit(h.fn, version);
    return !rule || !hits || ![...hits].some((id) => ids.has(id)) || hits.has(rule.id);
  };
  const was = heldAt(list, before, layers).filter(rule?.side === "until" ? decides(before) : () => true);
  const is = heldAt(list, after, layers).filter(rule?.side === "since" ? decides(after) : () => true);
  const shared = (h: Held, other: Held[]) => other.some((x) => x.fn === h.fn);
  const both = was.filter((h) => shared(h, is));
  const seeing = both.map((h) => ({ h, seen: changesAcross(h.fn, before, after) })).filter((s) => s.seen);
  if (seeing.length) {
    const how = seeing.every((s) => s.seen === "answers") ? "" : " (its domain changes there)";
    return { sliced: true, detail: `${seeing.map((s) => name(s.h)).join(", ")} sliced on both sides${how} (every release's check compares it with the model)` };
  }
  const leaving = was.filter((h) => !shared(h, is));
  const arriving = is.filter((h) => !shared(h, was));
  if (leaving.length && arriving.length) {
    return { sliced: true, detail: `${leaving.map(name).join(", ")} on ${before}, ${arriving.map(name).join(", ")} on ${after}, each sliced and held to the model on its side` };
  }
  const side = (version: string, held: Held[]) => `${version}: ${held.length ? held.map(name).join(", ") : "nothing slices it"}`;
  const blind = both.length ? `; ${both.map(name).join(", ")} sliced on both sides, but its model answers do not change there` : "";
  return { sliced: false, detail: `${side(before, was)}; ${side(after, is)}${blind}` };
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
    for (const value of Object.values(era)) {
      if (!isRuleList(value)) continue;
      const list = value;
      for (const rule of list.rules) {
        for (const side of ["since", "until"] as const) {
          const at = rule[side];
          if (!at || seen.has(`${rule.id}@${side}`)) continue;
          seen.add(`${rule.id}@${side}`);
          const around = releasesAround(at);
          const live = LIVE_BOUNDARIES.find((b) => b.rules.includes(rule.id) && b.after === around.after);
          const sliced = around.before && around.after ? slicedAcross(list, around.before, around.after, LAYERS, { id: rule.id, side }) : undefined;
          const base = { rule: rule.id, list: list.name, side, at, ...around };
          const still = rule.unmeasured ? `; the rule still reads: unmeasured, ${rule.unmeasured}` : "";
          if (live) out.push({ ...base, how: "live", detail: `live on ${live.before} and ${live.after} (boundary ${live.id}: --cell ${live.cells})${still}`, live });
          // a rule's unmeasured marker may name one end of its range only; the other can be sliced on both sides
          else if (sliced?.sliced) out.push({ ...base, how: "sliced", detail: `${sliced.detail}${still}` });
          else if (rule.unmeasured) out.push({ ...base, how: "unmeasured", detail: `read only: ${rule.unmeasured}` });
          else out.push({ ...base, how: "other", detail: `not sliced on both sides (${sliced?.detail ?? "no published release on one side"}), not run live: dated by its why (${rule.why})` });
        }
      }
    }
  }
  return out.sort((a, b) => compareVersions(a.at, b.at) || a.rule.localeCompare(b.rule));
}

function isRuleList(value: unknown): value is RuleList<unknown, unknown> {
  return typeof value === "object" && value !== null && Array.isArray((value as RuleList<unknown, unknown>).rules);
}
