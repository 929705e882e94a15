import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CannotCheckError } from "../../src/domain/errors.ts";
import { fetchRelease } from "../../src/release/fetch.ts";
import { readReleaseMeta, releaseDir, releaseMetaState } from "../../src/release/cache.ts";
import { hashTree, releaseDamage } from "../../src/release/integrity.ts";
import { loadRelease } from "../../src/release/load.ts";
import { COLD, REPO_CACHE, UNREACHABLE_REGISTRY } from "./env.ts";

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a rejection");
}

describe("fetching releases", () => {
  let emptyCache: string | undefined;
  afterEach(() => {
    process.env.CLAWPROOF_CACHE = REPO_CACHE;
    if (emptyCache) rmSync(emptyCache, { recursive: true, force: true });
    emptyCache = undefined;
  });
  const useEmptyCache = () => {
    emptyCache = mkdtempSync(join(tmpdir(), "clawproof-empty-cache-"));
    process.env.CLAWPROOF_CACHE = emptyCache;
  };

  it("names the nearest published versions for one that never was (3.12)", { timeout: COLD }, async () => {
    const err = await rejection(fetchRelease("2026.3.12"));
    expect(err).toBeInstanceOf(CannotCheckError);
    expect(err.message).toBe("openclaw@2026.3.12 is not published on npm; nearest: 2026.3.11, 2026.3.13");
  });

  it("reports a cold fetch without network in one clear line", { timeout: COLD }, async () => {
    useEmptyCache();
    const err = await rejection(fetchRelease("2026.3.13", { registry: UNREACHABLE_REGISTRY }));
    expect(err).toBeInstanceOf(CannotCheckError);
    expect(err.message).toMatch(/^openclaw@2026\.3\.13 is not in the cache .* the npm registry is unreachable/);
    expect(err.message).not.toContain("\n");
  });

  it("still knows offline that 3.12 was never published (data/releases.json)", { timeout: COLD }, async () => {
    useEmptyCache();
    const err = await rejection(loadRelease("2026.3.12", ["roleCanSkipDeviceIdentity"], { registry: UNREACHABLE_REGISTRY }));
    expect(err).toBeInstanceOf(CannotCheckError);
    expect(err.message).toMatch(/not published on npm .*nearest: 2026\.3\.11, 2026\.3\.13/);
  });

  it("reports evaluateMissingDeviceIdentity as missing in 2.21 (the gate was still inline)", { timeout: COLD }, async () => {
    const slice = await loadRelease("2026.2.21", ["evaluateMissingDeviceIdentity", "resolveControlUiAuthPolicy"]);
    try {
      expect(slice.missing).toEqual(["evaluateMissingDeviceIdentity"]);
      expect(slice.found).toEqual(["resolveControlUiAuthPolicy"]);
      await expect(slice.call("evaluateMissingDeviceIdentity", [[{}]])).rejects.toThrow(/not in this release/);
    } finally {
      await slice.close();
    }
  });

  it("records a sha256 for every kept file, and names what differs when the folder no longer matches", { timeout: COLD }, async () => {
    const { distDir } = await fetchRelease("2026.2.22");
    useEmptyCache();
    cpSync(join(distDir, ".."), releaseDir("2026.2.22"), { recursive: true });
    const meta = (await readReleaseMeta("2026.2.22"))!;
    expect(meta.hashes).toEqual(await hashTree(releaseDir("2026.2.22")));
    expect(Object.keys(meta.hashes!)).toHaveLength(meta.files);
    expect(await releaseDamage(meta)).toBeUndefined();

    const [first, second] = Object.keys(meta.hashes!).filter((f) => f.startsWith("dist/"));
    rmSync(join(releaseDir("2026.2.22"), first!));
    writeFileSync(join(releaseDir("2026.2.22"), second!), "export {};\n");
    expect(await releaseDamage(meta)).toBe(`1 missing (e.g. ${first}), 1 changed (e.g. ${second}) against the hash list in meta.json`);

    // a meta.json without a hash list (an older clawproof's) cannot vouch for its files
    const legacy = { ...meta, hashes: undefined, digest: undefined };
    expect(await releaseDamage(legacy)).toMatch(/no hash list/);
    // and an edited one no longer matches its own digest
    const path = join(releaseDir("2026.2.22"), "meta.json");
    writeFileSync(path, readFileSync(path, "utf8").replace(`"files": ${meta.files}`, `"files": ${meta.files + 1}`));
    expect(await releaseMetaState("2026.2.22")).toEqual({ state: "damaged", why: "meta.json does not match its own digest" });
  });

  it("an older clawproof's meta.json (no hash list) is fetched again and, files intact, upgraded in place", { timeout: COLD }, async () => {
    const { distDir } = await fetchRelease("2026.2.22");
    useEmptyCache();
    cpSync(join(distDir, ".."), releaseDir("2026.2.22"), { recursive: true });
    const path = join(releaseDir("2026.2.22"), "meta.json");
    const { hashes: _h, digest: _d, ...legacy } = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify(legacy));
    const folder = statSync(join(releaseDir("2026.2.22"), "dist")).ino;

    await fetchRelease("2026.2.22");
    const meta = (await readReleaseMeta("2026.2.22"))!;
    expect(await releaseDamage(meta)).toBeUndefined();
    expect(statSync(join(releaseDir("2026.2.22"), "dist")).ino).toBe(folder); // not moved under a concurrent reader
  });
});
