import type { Implementation } from "../../src/impl/implementation.ts";
import { resolveImplementation } from "../../src/impl/resolve-ref.ts";
import { readReleaseMeta } from "../../src/release/cache.ts";
import { fetchRelease } from "../../src/release/fetch.ts";

/** How many of the releases after the one being loaded are downloaded meanwhile. */
const AHEAD = 3;

/**
 * Published releases as implementations for one test file, each loaded once and shared. While one
 * is loaded, the next few the file will ask for (in the order given) are downloaded in the
 * background if the cache lacks them, one at a time, so a cold run's downloads overlap the slicing
 * and checking of the releases before them instead of adding to them; a run of a few tests
 * downloads only a few more. A download that fails here is left to the load itself, which reports it.
 */
export function releaseLoader(order: readonly string[]): (version: string) => Promise<Implementation> {
  const versions = [...new Set(order)];
  let queue = Promise.resolve();
  const downloads = new Map<string, Promise<void>>();
  const download = (version: string) => {
    if (!downloads.has(version)) {
      queue = queue.then(async () => void ((await readReleaseMeta(version)) ?? (await fetchRelease(version)))).catch(() => {});
      downloads.set(version, queue);
    }
    return downloads.get(version)!;
  };
  const loaded = new Map<string, Promise<Implementation>>();
  return (version) => {
    if (!loaded.has(version)) {
      const at = versions.indexOf(version);
      const ready = at < 0 ? Promise.resolve() : download(version);
      for (const next of versions.slice(at + 1, at < 0 ? 0 : at + 1 + AHEAD)) void download(next);
      loaded.set(version, ready.then(() => resolveImplementation(`openclaw@${version}`)));
    }
    return loaded.get(version)!;
  };
}
