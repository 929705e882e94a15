/**
 * Same inputs, same report bytes: whatever the cache's history (cold, warm, slices evicted, a
 * different cache folder) and however fast the machine, and with nothing that names this
 * machine or clone (no absolute paths, no file URLs, no timings).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLD } from "../release/env.ts";
import { privateCache, type PrivateCache } from "../bad-input/private-cache.ts";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const CHECK = ["check", "openclaw@2026.2.22", "--seed", "11"];

describe("reports are the same bytes from any cache history", () => {
  let cold: PrivateCache;
  let evicted: PrivateCache;
  const runs: Record<string, { json: string; text: string }> = {};
  const both = (c: PrivateCache) => ({ json: c.offline(...CHECK, "--format", "json").stdout, text: c.offline(...CHECK).stdout });

  beforeAll(async () => {
    cold = await privateCache(["2026.2.22"]);
    runs.cold = both(cold); // json first: every slice and derived table is made by this run
    runs.warm = both(cold);
    evicted = cold.copy(); // another cache folder, its slices gone (derived tables kept)
    rmSync(join(evicted.dir, "slices"), { recursive: true, force: true });
    runs.evicted = both(evicted);
  }, COLD);
  afterAll(() => [cold, evicted].forEach((c) => c?.remove()));

  it("cold, warm and evicted caches in two folders give byte-identical JSON and text", () => {
    expect(runs.cold!.json.length).toBeGreaterThan(0);
    expect(runs.warm).toEqual(runs.cold);
    expect(runs.evicted).toEqual(runs.cold);
  });

  it("nothing in a report names this clone, the cache or a time", () => {
    for (const report of [runs.cold!.json, runs.cold!.text]) {
      expect(report).not.toContain(REPO.replace(/\/$/, ""));
      expect(report).not.toContain(cold.dir);
      expect(report).not.toMatch(/file:\/\//);
      expect(report).not.toMatch(/\b\d+(\.\d+)? ?ms\b/);
    }
  });
});
