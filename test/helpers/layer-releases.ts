import { afterAll, beforeAll } from "vitest";
import { layerExports, type Layer } from "../../src/differential/layer.ts";
import { openPublished } from "../../src/differential/open.ts";
import type { Release } from "../../src/differential/release.ts";

/**
 * Published releases opened once for a test file with one layer's exports, each run through
 * `run` before the tests and closed after them: the releases and the runs, by version.
 */
export function layerReleases<T>(versions: readonly string[], layer: Layer, run: (release: Release) => Promise<T>, timeout: number) {
  const releases = new Map<string, Release>();
  const runs = new Map<string, T>();
  beforeAll(async () => {
    for (const version of versions) {
      const release = await openPublished(version, layerExports([layer]));
      releases.set(version, release);
      runs.set(version, await run(release));
    }
  }, timeout);
  afterAll(async () => {
    for (const release of releases.values()) await release.close();
  });
  return { releases, runs };
}
