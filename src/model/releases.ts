import { readFileSync } from "node:fs";
import { compareVersions, isPrerelease } from "../domain/versions.ts";

export interface PublishedRelease {
  version: string;
  published: string;
}

export const RELEASES_FILE = new URL("../../data/releases.json", import.meta.url);

let cached: readonly PublishedRelease[] | undefined;

/** Published `openclaw` versions, oldest first, from the data file `clawproof releases --refresh` rewrites. */
export function publishedReleases(): readonly PublishedRelease[] {
  if (!cached) {
    const data = JSON.parse(readFileSync(RELEASES_FILE, "utf8")) as { releases: PublishedRelease[] };
    cached = [...data.releases].sort((a, b) => compareVersions(a.version, b.version));
  }
  return cached;
}

export function isPublished(version: string): boolean {
  return publishedReleases().some((r) => r.version === version);
}

export function newestRelease(includePrereleases = false): string {
  const list = publishedReleases().filter((r) => includePrereleases || !isPrerelease(r.version));
  return list[list.length - 1]!.version;
}

/** The published versions just below and above one that is not published, for error messages. */
export function nearestReleases(version: string): string[] {
  const list = publishedReleases().map((r) => r.version);
  const above = list.findIndex((v) => compareVersions(v, version) > 0);
  if (above === -1) return list.slice(-1);
  if (above === 0) return list.slice(0, 1);
  return [list[above - 1]!, list[above]!];
}
