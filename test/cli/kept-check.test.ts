/**
 * A release's check is kept like a derived table: a warm run reads it back instead of running the
 * engine again, prints the same bytes, and a damaged kept result is computed afresh, never read.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLD } from "../release/env.ts";
import { privateCache, type PrivateCache } from "../bad-input/private-cache.ts";

const CHECK = ["check", "openclaw@2026.2.22", "--seed", "13", "--format", "json"];

/** The kept check results of a cache: one file per release and run options. */
function kept(cache: PrivateCache): string[] {
  const derived = join(cache.dir, "derived");
  if (!existsSync(derived)) return [];
  return readdirSync(derived)
    .filter((kind) => kind.startsWith("check-"))
    .flatMap((kind) => readdirSync(join(derived, kind)).map((file) => join(derived, kind, file)));
}

describe("a release's kept check", () => {
  let cache: PrivateCache;
  let first: { code: number; stdout: string };
  beforeAll(async () => {
    cache = await privateCache(["2026.2.22"]);
    first = cache.offline(...CHECK);
  }, COLD);
  afterAll(() => cache?.remove());

  it("is written by the first run and read back by the next, which prints the same bytes", () => {
    expect(first.stdout.length).toBeGreaterThan(0);
    const files = kept(cache);
    expect(files).toHaveLength(1);
    const written = statSync(files[0]!).mtimeMs;
    const again = cache.offline(...CHECK);
    expect(again.code).toBe(first.code);
    expect(again.stdout).toBe(first.stdout);
    expect(statSync(files[0]!).mtimeMs).toBe(written); // read, not computed and written again
  });

  it("is computed afresh when damaged, with the same report", () => {
    const [file] = kept(cache);
    const text = readFileSync(file!, "utf8");
    // flip a verdict inside the stored JSON: the file no longer matches its hash
    const damaged = text.replace('"status":"holds"', '"status":"violated"');
    expect(damaged).not.toBe(text);
    writeFileSync(file!, damaged);
    const again = cache.offline(...CHECK);
    expect(again.stdout).toBe(first.stdout);
    expect(readFileSync(file!, "utf8")).toBe(text);
  });

  it("is not kept for a run over part of the domain", () => {
    const before = kept(cache).length;
    const part = cache.offline("check", "openclaw@2026.2.22", "--seed", "13", "--cell", "role=node");
    expect(part.stdout.length).toBeGreaterThan(0);
    expect(kept(cache)).toHaveLength(before);
  });

  it("is kept for a release's model too, and for a candidate (checked against its base) never", async () => {
    const models = await privateCache([]);
    try {
      const once = models.offline("check", "model:2026.9.6", "--format", "json");
      expect(kept(models)).toHaveLength(1);
      expect(models.offline("check", "model:2026.9.6", "--format", "json").stdout).toBe(once.stdout);
      models.offline("check", "model:pr-48285", "--property", "node-never-admitted-without-identity");
      expect(kept(models)).toHaveLength(1);
    } finally {
      models.remove();
    }
  }, COLD);
});
