import { allCells, PRODUCT_SIZE } from "../src/domain/enumerate.ts";
import type { Cell } from "../src/domain/cell.ts";
import { checkImplementation } from "../src/engine/check.ts";
import { resolveImplementation, resolveModel } from "../src/impl/resolve-ref.ts";
import type { Implementation } from "../src/impl/implementation.ts";
import { ACCEPTED_EXCEPTIONS, PROPERTIES } from "../properties/index.ts";
import { median, row } from "./measure.ts";

/**
 * Growth of the connect domain from this task's additions: upgrade pairing (the appended
 * `upgrade` field) and the trusted-proxy password fallback (secret credentials in trusted-proxy
 * mode). "Before" is the same enumerator restricted to the cells that existed before them (every
 * new cell has a non-default upgrade or a secret in trusted-proxy mode), so both sides are
 * measured in this one run, side by side.
 */
const existedBefore = (c: Cell) => c.upgrade === "none" && !(c.authMode === "trusted-proxy" && (c.credential === "secret-ok" || c.credential === "secret-wrong"));

export async function benchDomain(): Promise<void> {
  console.log("\ndomain growth (upgrade pairing, trusted-proxy password fallback)");
  const after = allCells();
  const before = after.filter(existedBefore);
  row("valid cells before → after", `${before.length} → ${after.length} (×${(after.length / before.length).toFixed(2)}; product ${PRODUCT_SIZE})`);
  const onlyBefore = { upgrade: "none" as const };
  const time = (impl: Implementation, cells?: { upgrade: "none" }) =>
    median(3, () => void checkImplementation(impl, { properties: PROPERTIES, exceptions: ACCEPTED_EXCEPTIONS, seed: 1, randomRuns: 200, ...(cells ? { cells } : {}) }));
  for (const impl of [resolveModel("2026.9.6"), await resolveImplementation("openclaw@2026.9.6")]) {
    // `upgrade=none` is the old domain but for the few trusted-proxy secret cells (a pattern cannot exclude them)
    const old = time(impl, onlyBefore);
    const now = time(impl);
    row(`check ${impl.ref}, every property: upgrade=none only vs whole domain`, `${old.toFixed(0)} ms vs ${now.toFixed(0)} ms (×${(now / old).toFixed(2)})`);
  }
}
