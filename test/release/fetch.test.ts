import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CannotCheckError } from "../../src/domain/errors.ts";
import { fetchRelease } from "../../src/release/fetch.ts";
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
});
