import { allCells, PRODUCT_SIZE } from "../src/domain/enumerate.ts";
import { matchesPattern, type CellPattern } from "../src/domain/cell-key.ts";
import { checkImplementation } from "../src/engine/check.ts";
import { resolveImplementation, resolveModel } from "../src/impl/resolve-ref.ts";
import type { Implementation } from "../src/impl/implementation.ts";
import { ACCEPTED_EXCEPTIONS, PROPERTIES } from "../properties/index.ts";
import { median, row } from "./measure.ts";

/**
 * Growth of the connect domain from the latest appended fields: forwarding headers and the Host
 * header at the origin check (`forwarded`, `hostHeader`), and a device token beside a shared secret
 * (`withDeviceToken`). Each is an appended field whose default
 * is the connect as it was before, so "before" is exactly the cells with all of them at their
 * default — a pattern the engine's `--cell` filter takes — and both sides run in this one run,
 * side by side.
 */
const BEFORE: CellPattern = { forwarded: false, hostHeader: "gateway", withDeviceToken: false };

export async function benchDomain(): Promise<void> {
  console.log("\ndomain growth (forwarding headers and Host header at the origin check, a device token beside a secret)");
  const after = allCells();
  const before = after.filter((c) => matchesPattern(c, BEFORE));
  row("valid cells before → after", `${before.length} → ${after.length} (×${(after.length / before.length).toFixed(2)}; product ${PRODUCT_SIZE})`);
  const time = (impl: Implementation, cells?: CellPattern) =>
    median(5, () => void checkImplementation(impl, { properties: PROPERTIES, exceptions: ACCEPTED_EXCEPTIONS, seed: 1, randomRuns: 200, ...(cells ? { cells } : {}) }));
  for (const impl of [resolveModel("2026.9.6"), await resolveImplementation("openclaw@2026.9.6")]) {
    // both sides through the same filtered path (an empty pattern selects every cell), so only the domain differs
    const old = time(impl, BEFORE);
    const now = time(impl, {});
    row(`check ${impl.ref}, every property: before-domain only vs whole domain`, `${old.toFixed(0)} ms vs ${now.toFixed(0)} ms (×${(now / old).toFixed(2)})`);
  }
}
