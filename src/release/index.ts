/** Public surface of the release layer: npm release in, isolated callable policy functions out. */
export { loadRelease, DEFAULT_STUBS, type LoadOptions, type ReleaseSlice } from "./load.ts";
export { fetchRelease, cachedReleases, fetchStats, type FetchedRelease, type FetchOptions } from "./fetch.ts";
export { refreshReleaseList, readLocalReleaseList, nearestVersions, type ReleaseList, type ReleaseEntry } from "./release-list.ts";
export { cacheRoot } from "./cache.ts";
export { SliceRunner, type CallResult, type RunnerModule, type RunnerReady } from "./runner.ts";
export { sliceRelease, Dist, type SliceManifest, type SliceOptions, type SliceResult } from "./slice/index.ts";
