/**
 * Source checkouts: transpiling a checkout's TypeScript (cold, then warm from the content-hash
 * cache) and slicing every layer's roots out of it, against slicing the same roots out of the
 * release's own dist. The checkout is a fixture rebuilt from the release (test/checkout-source).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { releaseDistDir } from "../src/release/cache.ts";
import { DEFAULT_STUBS } from "../src/release/load.ts";
import { Dist, sliceRelease } from "../src/release/slice/index.ts";
import { transpileCheckout } from "../src/release/source/index.ts";
import { buildSourceFixture, FIXTURE_ROOTS } from "../test/checkout-source/fixture.ts";
import { row } from "./measure.ts";

const VERSIONS = ["2026.3.13", "2026.9.6"];

const time = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
};

function sliceAll(dir: string): number {
  const dist = new Dist(dir);
  let declarations = 0;
  for (const root of FIXTURE_ROOTS) declarations += sliceRelease(dist, [root], { stubs: DEFAULT_STUBS }).manifest.declarations;
  return declarations;
}

export async function benchSourceCheckout(): Promise<void> {
  console.log("\nsource checkouts: transpile + slice every layer's roots");
  const saved = process.env.CLAWPROOF_CACHE;
  // an unset variable must stay unset: assigning undefined would make it the string "undefined"
  const restore = () => (saved === undefined ? delete process.env.CLAWPROOF_CACHE : (process.env.CLAWPROOF_CACHE = saved));
  const scratch = mkdtempSync(join(tmpdir(), "clawproof-bench-source-"));
  try {
    for (const version of VERSIONS) {
      const fixture = await buildSourceFixture(version, join(scratch, version));
      process.env.CLAWPROOF_CACHE = join(scratch, "cache");
      const [cold, coldMs] = await time(() => transpileCheckout(fixture.root));
      const [, warmMs] = await time(() => transpileCheckout(fixture.root));
      const [fromSource, sourceMs] = await time(() => sliceAll(cold.distDir));
      restore();
      const [fromDist, distMs] = await time(() => sliceAll(releaseDistDir(version)));
      row(`${version}: transpile ${cold.transpiled} files cold / warm (ms)`, `${coldMs.toFixed(0)} / ${warmMs.toFixed(0)}`);
      row(`${version}: slice ${FIXTURE_ROOTS.length} roots from sources / from the dist (ms)`, `${sourceMs.toFixed(0)} / ${distMs.toFixed(0)}  (×${(distMs / sourceMs).toFixed(1)}; ${fromSource} / ${fromDist} declarations)`);
    }
    // a larger tree: clawproof's own sources, for files per second
    process.env.CLAWPROOF_CACHE = join(scratch, "cache");
    const own = fileURLToPath(new URL("..", import.meta.url));
    const [big, bigMs] = await time(() => transpileCheckout(own));
    row(`clawproof's own src/: transpile ${big.transpiled} files cold (ms)`, `${bigMs.toFixed(0)}  (${((big.transpiled / bigMs) * 1000).toFixed(0)} files/s)`);
  } finally {
    restore();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSourceCheckout();
