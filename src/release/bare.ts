/**
 * Emitted slices live in the cache, far from any node_modules, yet may import packages the
 * release expected to find installed (ipaddr.js up to 5.x). They are pointed at clawproof's own
 * copies: each bare specifier is rewritten to the absolute file URL it resolves to from here.
 */
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

/** Folder of clawproof's package.json; part of the slice cache key because URLs point into it. */
export const REPO_ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

export function resolveBareFromRepo(specifier: string): string | undefined {
  // import.meta.resolve honours "import" export conditions; require.resolve is the fallback
  // for runtimes (test runners) that do not provide it.
  const viaImport = (import.meta as { resolve?: (s: string) => string }).resolve;
  if (typeof viaImport === "function") {
    try {
      const url = viaImport(specifier);
      if (url.startsWith("file:")) return url;
    } catch {
      // fall through
    }
  }
  try {
    return pathToFileURL(require.resolve(specifier)).href;
  } catch {
    return undefined;
  }
}
