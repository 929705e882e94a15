/**
 * A private CLAWPROOF_CACHE per test, so a test can damage it freely: the release is fetched
 * on demand into the repo's shared `.cache` and copied from there; nothing here writes to the
 * shared cache except that fetch. Offline is a registry on loopback's discard port.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fetchRelease } from "../../src/release/fetch.ts";
import { clawproof, type CliResult } from "../helpers/cli.ts";
import { REPO_CACHE, UNREACHABLE_REGISTRY } from "../release/env.ts";

export { UNREACHABLE_REGISTRY };

export interface PrivateCache {
  dir: string;
  /** the CLI against this cache, with the real registry. */
  online(...args: string[]): CliResult;
  /** the CLI against this cache, with every registry call failing at once. */
  offline(...args: string[]): CliResult;
  /** a fresh private copy of this cache, as it is now. */
  copy(): PrivateCache;
  remove(): void;
}

function wrap(dir: string): PrivateCache {
  const env = { CLAWPROOF_CACHE: dir, CLAWPROOF_REGISTRY: undefined as string | undefined };
  return {
    dir,
    online: (...args) => clawproof.withEnv({ ...env, CLAWPROOF_REGISTRY: "" })(...args),
    offline: (...args) => clawproof.withEnv({ ...env, CLAWPROOF_REGISTRY: UNREACHABLE_REGISTRY })(...args),
    copy() {
      const to = mkdtempSync(join(tmpdir(), "clawproof-private-cache-"));
      cpSync(dir, to, { recursive: true });
      return wrap(to);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A private cache holding these releases (complete, with their hash lists) and nothing else. */
export async function privateCache(versions: readonly string[]): Promise<PrivateCache> {
  const dir = mkdtempSync(join(tmpdir(), "clawproof-private-cache-"));
  const before = process.env.CLAWPROOF_CACHE;
  process.env.CLAWPROOF_CACHE = REPO_CACHE;
  try {
    for (const v of versions) {
      const { distDir } = await fetchRelease(v);
      cpSync(join(distDir, ".."), join(dir, "releases", v), { recursive: true });
    }
  } finally {
    process.env.CLAWPROOF_CACHE = before;
  }
  return wrap(dir);
}

/** Every stderr line a failing run printed; the bad-input contract is exactly one, with no stack frame. */
export const stderrLines = (run: CliResult) => run.stderr.split("\n").filter((l) => l.trim());
