import { compareVersions, isPrerelease } from "../domain/versions.ts";
import { publishedReleases } from "../model/releases.ts";

export interface BisectStep<T> {
  version: string;
  value: T;
  /** what to show when this version is one side of the flip: the rules that decided, etc. */
  detail: string[];
}

export interface BisectResult<T> {
  from: BisectStep<T>;
  to: BisectStep<T>;
  /** the neighbouring releases where the value first differs from `from`'s, if it does. */
  flip?: { before: BisectStep<T>; after: BisectStep<T> };
  probed: string[];
}

/** Published releases between two versions (inclusive), oldest first. */
export function releasesBetween(from: string, to: string, includePrereleases = false): string[] {
  return publishedReleases()
    .map((r) => r.version)
    .filter((v) => compareVersions(v, from) >= 0 && compareVersions(v, to) <= 0 && (includePrereleases || !isPrerelease(v)));
}

/**
 * Binary search for the first release whose value differs from the first release's. Like
 * `git bisect` it assumes one flip in the range; with several it finds one of them.
 */
export async function bisect<T>(versions: readonly string[], probe: (version: string) => Promise<BisectStep<T>>, same: (a: T, b: T) => boolean): Promise<BisectResult<T>> {
  const probed: string[] = [];
  const cache = new Map<string, BisectStep<T>>();
  const at = async (i: number) => {
    const version = versions[i]!;
    if (!cache.has(version)) {
      probed.push(version);
      cache.set(version, await probe(version));
    }
    return cache.get(version)!;
  };
  const from = await at(0);
  const to = await at(versions.length - 1);
  if (same(from.value, to.value)) return { from, to, probed };
  let lo = 0;
  let hi = versions.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (same((await at(mid)).value, from.value)) lo = mid;
    else hi = mid;
  }
  return { from, to, flip: { before: await at(lo), after: await at(hi) }, probed };
}

export interface Flip<T> {
  before: BisectStep<T>;
  after: BisectStep<T>;
}

export interface FlipsResult<T> {
  flips: Flip<T>[];
  probed: string[];
  /** releases between two equal probes that were not looked at (0 when every release was probed). */
  stride: number;
}

/**
 * Every flip in a range, not just one: probe every `stride`-th release (and the last), then
 * bisect inside each gap whose ends differ. A bug that came and went shows as two flips (where it
 * was introduced, where it was fixed). With stride 1 every release is probed and nothing can hide;
 * with a larger stride a flip and its undoing both inside one gap is missed, and the report says
 * how wide the gaps were.
 */
export async function bisectFlips<T>(
  versions: readonly string[],
  probe: (version: string) => Promise<BisectStep<T>>,
  same: (a: T, b: T) => boolean,
  stride = 1,
): Promise<FlipsResult<T>> {
  if (!Number.isInteger(stride) || stride < 1) throw new Error(`stride must be a positive integer, got ${stride}`);
  const probed: string[] = [];
  const cache = new Map<number, BisectStep<T>>();
  const at = async (i: number) => {
    if (!cache.has(i)) {
      probed.push(versions[i]!);
      cache.set(i, await probe(versions[i]!));
    }
    return cache.get(i)!;
  };
  const anchors: number[] = [];
  for (let i = 0; i < versions.length; i += stride) anchors.push(i);
  if (anchors[anchors.length - 1] !== versions.length - 1) anchors.push(versions.length - 1);
  const flips: Flip<T>[] = [];
  for (let a = 0; a + 1 < anchors.length; a++) {
    let lo = anchors[a]!;
    let hi = anchors[a + 1]!;
    const left = await at(lo);
    if (same(left.value, (await at(hi)).value)) continue;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (same((await at(mid)).value, left.value)) lo = mid;
      else hi = mid;
    }
    flips.push({ before: await at(lo), after: await at(hi) });
  }
  return { flips, probed, stride: stride - 1 };
}
