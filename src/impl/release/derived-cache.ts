import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cacheRoot, sha256, writeJsonAtomic } from "../../release/cache.ts";

/**
 * Results derived from a release that only change with the release itself (its integrity) or
 * with the clawproof sources that computed them: stored as JSON so a warm check reads a file
 * instead of re-running thousands of sliced calls. Each file carries the sha256 of its value;
 * a truncated or edited table is computed again (from the release, which is itself checked),
 * never read as a verdict and never turned into "could not check".
 */
export async function derivedFromRelease<T>(kind: string, integrity: string, sourceDirs: readonly string[], compute: () => Promise<T>): Promise<T> {
  const release = createHash("sha256").update(integrity).digest("hex").slice(0, 24);
  const file = join(cacheRoot(), "derived", kind, `${release}-${fingerprint(sourceDirs)}.json`);
  const stored = await readStored<T>(file);
  if (stored !== undefined) return stored;
  const value = await compute();
  await writeJsonAtomic(file, { sha256: sha256(JSON.stringify(value)), value });
  return value;
}

/** The stored value, or undefined when the file is absent, unreadable or does not match its hash. */
async function readStored<T>(file: string): Promise<T | undefined> {
  try {
    const entry = JSON.parse(await readFile(file, "utf8")) as { sha256?: unknown; value?: T };
    if (entry.value !== undefined && entry.sha256 === sha256(JSON.stringify(entry.value))) return entry.value;
  } catch {
    // absent or half written: computed again below
  }
  return undefined;
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
      // .ts from a clone, .js from the compiled package; declarations say nothing about behaviour
      else if (/\.[jt]s$/.test(entry.name) && !entry.name.endsWith(".d.ts")) hash.update(entry.name).update(readFileSync(path));
    }
  };
  for (const dir of dirs) walk(fileURLToPath(new URL(`../../${dir}/`, import.meta.url)));
  digest = hash.digest("hex").slice(0, 16);
  fingerprints.set(key, digest);
  return digest;
}
