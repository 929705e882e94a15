import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { CannotCheckError } from "../../domain/errors.ts";
import { isVersion } from "../../domain/versions.ts";
import { openDist, openPublished } from "../../differential/open.ts";
import type { Release } from "../../differential/release.ts";
import { RELEASE_EXPORTS } from "./layers.ts";

export interface OpenOptions {
  onProgress?: (message: string) => void;
}

/** `openclaw@<version>` from npm (cached), every layer's exports sliced in one load. */
export function openNpmRelease(version: string, opts: OpenOptions = {}): Promise<Release> {
  return openPublished(version, RELEASE_EXPORTS, opts.onProgress ? { onProgress: opts.onProgress } : {});
}

/**
 * `path:<dir>`: a contributor's OpenClaw checkout. Built (`dist/` present) it is sliced like a
 * release; with only `src/` its TypeScript is transpiled first. The slice cache is keyed by a
 * fingerprint of what was read, so a rebuild or an edit is sliced afresh. Anything that is not an
 * openclaw package is "cannot check".
 */
export async function openCheckout(dir: string, opts: OpenOptions = {}): Promise<Release> {
  const root = resolve(dir);
  const label = `path:${dir}`;
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CannotCheckError(`${label} is not a folder`);
  const version = openclawVersion(root, label);
  const load = opts.onProgress ? { onProgress: opts.onProgress } : {};
  const dist = join(root, "dist");
  if (existsSync(dist)) return openDist({ label, version, integrity: fingerprint(root, dist), distDir: async () => dist }, RELEASE_EXPORTS, "sliced", load);
  if (!existsSync(join(root, "src"))) throw new CannotCheckError(`${label} has neither dist/ nor src/: not an OpenClaw checkout`);
  // esbuild is loaded only for a checkout that has to be transpiled
  const { transpileCheckout } = await import("../../release/source/index.ts");
  const transpiled = await transpileCheckout(root);
  return openDist({ label, version, integrity: transpiled.fingerprint, distDir: async () => transpiled.distDir }, RELEASE_EXPORTS, "source", load);
}

/** The package's calendar version; a folder whose package.json does not name openclaw is exit 2. */
function openclawVersion(root: string, label: string): string {
  let pkg: { name?: unknown; version?: unknown };
  try {
    pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  } catch {
    throw new CannotCheckError(`${label} is not an openclaw package (no readable package.json)`);
  }
  if (pkg.name !== "openclaw") throw new CannotCheckError(`${label} is not an openclaw package (package.json names ${JSON.stringify(pkg.name ?? null)})`);
  // a dev build like 2026.9.7-dev still names the era it belongs to
  if (typeof pkg.version !== "string" || !isVersion(pkg.version)) {
    throw new CannotCheckError(`${label}: package.json has no calendar version (expected e.g. 2026.9.6)`);
  }
  return pkg.version;
}

function fingerprint(root: string, dist: string): string {
  const hash = createHash("sha256").update(root);
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (/\.m?js$/.test(name)) hash.update(`${path}\u0000${stat.size}\u0000${stat.mtimeMs}\n`);
    }
  };
  walk(dist);
  return `checkout-${hash.digest("hex").slice(0, 32)}`;
}
