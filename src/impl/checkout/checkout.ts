import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { CannotCheckError } from "../../domain/errors.ts";
import { isVersion } from "../../domain/versions.ts";
import { loadFromDist } from "../../release/load.ts";
import { transpileCheckout } from "../../release/source/index.ts";
import { REAL_FUNCTIONS } from "../release/adapters/index.ts";
import { implementationFromSlice, type ReleaseImplementation } from "../release/release-impl.ts";
import { registerRefLoader } from "../resolve-ref.ts";

/**
 * `path:<dir>`: a contributor's OpenClaw checkout, built (`dist/` present) — or any unpacked
 * package. Sliced like a release; the slice cache is keyed by a fingerprint of dist/, so a
 * rebuild is sliced afresh and an unchanged one is not.
 */
export async function checkoutImplementation(dir: string): Promise<ReleaseImplementation> {
  const root = resolve(dir);
  const dist = join(root, "dist");
  const version = packageVersion(root);
  // no build: the TypeScript sources are transpiled (and cached by content) into a dist-like folder
  const source = existsSync(dist) ? { integrity: fingerprint(root, dist), distDir: dist } : await transpiledSource(root);
  const slice = await loadFromDist({ label: `path:${dir}`, version, integrity: source.integrity, distDir: async () => source.distDir }, REAL_FUNCTIONS);
  return implementationFromSlice(slice, `path:${dir}`, `checkout ${root}`);
}

async function transpiledSource(root: string): Promise<{ integrity: string; distDir: string }> {
  const { fingerprint, distDir } = await transpileCheckout(root);
  return { integrity: fingerprint, distDir };
}

function packageVersion(root: string): string {
  try {
    const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version as string;
    // a dev build like 2026.9.7-dev still names the era it belongs to
    if (isVersion(version)) return version;
  } catch {
    // fall through to the error below
  }
  throw new CannotCheckError(`path:${root}: package.json has no calendar version (expected e.g. 2026.9.6)`);
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

export function registerCheckoutLoader(): void {
  registerRefLoader("path:", (dir) => checkoutImplementation(dir));
}
