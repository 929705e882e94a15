import { compareVersions, isPrerelease } from "../domain/versions.ts";
import { nearestVersions, readLocalReleaseList, type ReleaseEntry } from "../release/release-list.ts";

export type PublishedRelease = ReleaseEntry;

let cached: readonly PublishedRelease[] | undefined;

/** Published `openclaw` versions, oldest first, from the data file `clawproof releases --refresh` rewrites. */
export function publishedReleases(): readonly PublishedRelease[] {
  if (!cached) {
    const list = readLocalReleaseList();
    if (!list) throw new Error("data/releases.json is missing or unreadable: run `npx clawproof releases --refresh`");
    cached = [...list.releases].sort((a, b) => compareVersions(a.version, b.version));
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
  return nearestVersions(version, publishedReleases().map((r) => r.version));
}
