import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cacheRoot } from "../../release/cache.ts";

/**
 * Results derived from a release that only change with the release itself (its integrity) or
 * with the clawproof sources that computed them: stored as JSON so a warm check reads a file
 * instead of re-running thousands of sliced calls.
 */
export async function derivedFromRelease<T>(kind: string, integrity: string, sourceDirs: readonly string[], compute: () => Promise<T>): Promise<T> {
  const release = createHash("sha256").update(integrity).digest("hex").slice(0, 24);
  const file = join(cacheRoot(), "derived", kind, `${release}-${fingerprint(sourceDirs)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as T;
  const value = await compute();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value));
  return value;
}

const fingerprints = new Map<string, string>();

/** Digest of the TypeScript sources under some folders of src/ (relative to src/). */
function fingerprint(dirs: readonly string[]): string {
  const key = dirs.join("\u0000");
  let digest = fingerprints.get(key);
  if (digest) return digest;
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) hash.update(entry.name).update(readFileSync(path));
    }
  };
  for (const dir of dirs) walk(fileURLToPath(new URL(`../../${dir}/`, import.meta.url)));
  digest = hash.digest("hex").slice(0, 16);
  fingerprints.set(key, digest);
  return digest;
}
