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
