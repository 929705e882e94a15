/**
 * The list of published openclaw versions. A copy lives in data/releases.json so that "is this
 * version published, and what is near it" can be answered without the network.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compareVersions, isPrerelease, isVersion } from "../domain/versions.ts";
import { scratchRoot, writeJsonAtomic } from "./cache.ts";
import { registryError, registryOptions, withScratchCache } from "./registry.ts";

export const RELEASES_JSON = fileURLToPath(new URL("../../data/releases.json", import.meta.url));

export interface ReleaseEntry {
  version: string;
  published: string;
}

export interface ReleaseList {
  package: "openclaw";
  refreshed: string;
  releases: ReleaseEntry[];
}

export function readLocalReleaseList(path = RELEASES_JSON): ReleaseList | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as ReleaseList;
  } catch {
    return undefined;
  }
}

/**
 * The closest published versions below and above `version`. Prereleases are only offered when
 * the asked-for version is itself one, since a user asking for 3.12 wants 3.11 and 3.13.
 */
export function nearestVersions(version: string, published: readonly string[]): string[] {
  const wantPre = isVersion(version) && isPrerelease(version);
  const pool = published.filter((v) => isCalendarRelease(v) && isVersion(v) && (wantPre || !isPrerelease(v))).sort(compareVersions);
  if (!isVersion(version)) return pool.slice(-2);
  const above = pool.findIndex((v) => compareVersions(v, version) > 0);
  const out: string[] = [];
  const below = above === -1 ? pool.at(-1) : pool[above - 1];
  if (below !== undefined) out.push(below);
  if (above !== -1) out.push(pool[above]!);
  return out;
}

/** Only calendar releases count; 0.0.1 is a name-squat placeholder that predates the project. */
export function isCalendarRelease(version: string): boolean {
  return /^\d+\.\d+\.\d+/.test(version) && version !== "0.0.1";
}

/**
 * Rewrites data/releases.json from the registry packument, in the registry's own order (the
 * order of its `time` map), keeping the file's format so diffs stay readable.
 */
export async function refreshReleaseList(opts: { registry?: string; path?: string } = {}): Promise<ReleaseList> {
  const { default: pacote } = await import("pacote");
  type Packument = { versions: Record<string, unknown>; time?: Record<string, string> };
  const packument = await withScratchCache(scratchRoot(), async (cache) => {
    try {
      return (await pacote.packument("openclaw", { ...(await registryOptions(opts.registry)), cache, fullMetadata: true })) as Packument;
    } catch (err) {
      throw registryError("cannot refresh the list of openclaw releases", err);
    }
  });
  const time = packument.time ?? {};
  const ordered = [...Object.keys(time).filter((v) => v in packument.versions)];
  for (const v of Object.keys(packument.versions)) if (!ordered.includes(v)) ordered.push(v);
  const list: ReleaseList = {
    package: "openclaw",
    refreshed: new Date().toISOString().slice(0, 10),
    releases: ordered.filter(isCalendarRelease).map((version) => ({ version, published: time[version] ?? "" })),
  };
  await writeJsonAtomic(opts.path ?? RELEASES_JSON, list);
  return list;
}
