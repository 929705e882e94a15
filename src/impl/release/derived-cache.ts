import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cacheRoot, sha256, writeFileAtomic } from "../../release/cache.ts";

/**
 * Results derived from a release that only change with the release itself (its integrity) or
 * with the clawproof sources that computed them: stored as JSON so a warm check reads a file
 * instead of re-running thousands of sliced calls. The first line of each file is the sha256 of
 * the JSON text after it (hashing the bytes as read costs a fraction of parsing them); a
 * truncated or edited table is computed again (from the release, which is itself checked),
 * never read as a verdict and never turned into "could not check".
 */
export async function derivedFromRelease<T>(kind: string, integrity: string, sourceDirs: readonly string[], compute: () => Promise<T>): Promise<T> {
  const release = createHash("sha256").update(integrity).digest("hex").slice(0, 24);
  const file = join(cacheRoot(), "derived", kind, `${release}-${fingerprint(sourceDirs)}.derived`);
  const stored = await readStored<T>(file);
  if (stored !== undefined) return stored;
  const value = await compute();
  const json = JSON.stringify(value);
  await writeFileAtomic(file, `${HEADER}${sha256(json)}\n${json}`);
  return value;
}

const HEADER = "clawproof derived sha256:";

/** The stored value, or undefined when the file is absent, unreadable or does not match its hash. */
async function readStored<T>(file: string): Promise<T | undefined> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  const newline = text?.indexOf("\n") ?? -1;
  if (!text?.startsWith(HEADER) || newline < 0) return undefined; // absent or half written: computed again
  const json = text.slice(newline + 1);
  if (text.slice(HEADER.length, newline) !== sha256(json)) return undefined;
  try {
    return JSON.parse(json) as T;
  } catch {
    return undefined;
  }
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
  hash.update(dependencyVersions());
  digest = hash.digest("hex").slice(0, 16);
  fingerprints.set(key, digest);
  return digest;
}

/**
 * The installed version of every runtime dependency: a derived result also depends on the code
 * that computed it outside clawproof's own sources (ipaddr.js classifies addresses, acorn slices,
 * fast-check draws), so bumping one of them makes every kept table and check afresh.
 */
export function dependencyVersions(): string {
  const own = packageJsonAbove(fileURLToPath(import.meta.url), "clawproof");
  if (!own) return "no-package-json";
  const names = Object.keys((JSON.parse(readFileSync(own, "utf8")) as { dependencies?: Record<string, string> }).dependencies ?? {}).sort();
  return names.map((name) => {
    let entry: string;
    try {
      entry = fileURLToPath(import.meta.resolve(name));
    } catch {
      return `${name}@unresolved`;
    }
    const manifest = packageJsonAbove(entry, name);
    return `${name}@${manifest ? (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version : "unknown"}`;
  }).join(",");
}

/** The nearest package.json above a file whose name is the given package's. */
function packageJsonAbove(file: string, name: string): string | undefined {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, "package.json");
    if (!existsSync(candidate)) continue;
    try {
      if ((JSON.parse(readFileSync(candidate, "utf8")) as { name?: string }).name === name) return candidate;
    } catch {
      // a package.json that does not parse is not the one we look for
    }
  }
  return undefined;
}
