import { allCells, PRODUCT_SIZE } from "../src/domain/enumerate.ts";
import { matchesPattern, type CellPattern } from "../src/domain/cell-key.ts";
import { checkImplementation } from "../src/engine/check.ts";
import { resolveImplementation, resolveModel } from "../src/impl/resolve-ref.ts";
import type { Implementation } from "../src/impl/implementation.ts";
import { ACCEPTED_EXCEPTIONS, PROPERTIES } from "../properties/index.ts";
import { row } from "./measure.ts";

/**
 * Growth of the connect domain from the latest appended fields: forwarding headers and the Host
 * header at the origin check (`forwarded`, `hostHeader`), a device token beside a shared secret
 * (`withDeviceToken`), and the trusted proxy's own socket (`proxySocket`). Each is an appended
 * field whose default is the connect as it was before, so "before" is exactly the cells with
 * them at their default — a pattern the engine's `--cell` filter takes — and every side runs in
 * this one run, side by side.
 */
const STEPS: readonly { label: string; before: CellPattern }[] = [
  { label: "before fwd/host/dtok/psock", before: { forwarded: false, hostHeader: "gateway", withDeviceToken: false, proxySocket: "lan" } },
  { label: "before psock", before: { proxySocket: "lan" } },
];

/** Median wall time (ms) of each piece of work over `runs` rounds, the pieces taking turns in each round, after one warm-up round. */
function interleavedMedians(runs: number, works: readonly (() => void)[]): number[] {
  for (const work of works) work();
  const times = works.map((): number[] => []);
  for (let r = 0; r < runs; r++) {
    works.forEach((work, i) => {
      const start = performance.now();
      work();
      times[i]!.push(performance.now() - start);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!);
}

export async function benchDomain(): Promise<void> {
  console.log("\ndomain growth (forwarding headers and Host header at the origin check, a device token beside a secret, the trusted proxy's socket)");
  const after = allCells();
  for (const step of STEPS) {
    const before = after.filter((c) => matchesPattern(c, step.before));
    row(`valid cells ${step.label} → after`, `${before.length} → ${after.length} (×${(after.length / before.length).toFixed(2)}; product ${PRODUCT_SIZE})`);
  }
  const check = (impl: Implementation, cells: CellPattern) => () =>
    void checkImplementation(impl, { properties: PROPERTIES, exceptions: ACCEPTED_EXCEPTIONS, seed: 1, randomRuns: 200, cells });
  for (const impl of [resolveModel("2026.9.6"), await resolveImplementation("openclaw@2026.9.6")]) {
    // every side through the same filtered path (an empty pattern selects every cell), so only the domain differs;
    // the sides take turns, so a change of machine load in the run falls on all of them alike
    const [now, ...old] = interleavedMedians(5, [check(impl, {}), ...STEPS.map((s) => check(impl, s.before))]);
    STEPS.forEach((step, i) => row(`check ${impl.ref}, every property: ${step.label} vs whole domain`, `${old[i]!.toFixed(0)} ms vs ${now!.toFixed(0)} ms (×${(now! / old[i]!).toFixed(2)})`));
  }
}
