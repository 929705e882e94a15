import { ensureLoaded, sliceSource } from "../auth/real/slice-source.ts";
import { agreementFrom, type Agreement } from "../impl/release/agreement.ts";
import { loadRelease, type LoadOptions } from "../release/load.ts";
import { PAIRING_LOCALITY_FN, pairingLocalityAdapterFor, type PairingLocalityAdapter } from "./adapter.ts";
import { allPairingLocalityCells, pairingLocalityCellKey, type PairingLocalityCell, type PairingLocalityKind } from "./domain.ts";
import { pairingLocalityModel } from "./model.ts";

/** One cell as the model and the release decided it; `release` is `{error}` when the call threw. */
export interface PairingLocalityRow {
  cell: PairingLocalityCell;
  rule: string;
  model: PairingLocalityKind;
  release: PairingLocalityKind | { error: string };
  args: unknown[];
}

export interface PairingLocalityTable {
  version: string;
  /** absent when the release has no resolvePairingLocality. */
  adapter?: PairingLocalityAdapter;
  rows: PairingLocalityRow[];
}

/** Runs cells (all by default) through the release's sliced function, batched, and the model. */
export async function pairingLocalityTable(
  version: string,
  cells: readonly PairingLocalityCell[] = allPairingLocalityCells(),
  opts: Pick<LoadOptions, "onProgress"> = {},
): Promise<PairingLocalityTable> {
  const slice = await loadRelease(version, [PAIRING_LOCALITY_FN], opts.onProgress ? { onProgress: opts.onProgress } : {});
  try {
    if (!ensureLoaded(slice, PAIRING_LOCALITY_FN)) return { version, rows: [] };
    const adapter = pairingLocalityAdapterFor(await sliceSource(slice, PAIRING_LOCALITY_FN), `openclaw@${version}`);
    const args = cells.map((c) => adapter.toArgs(c));
    const results = await slice.call(PAIRING_LOCALITY_FN, args);
    const rows = cells.map((cell, n): PairingLocalityRow => {
      const r = results[n]!;
      let release: PairingLocalityRow["release"];
      try {
        release = r.ok ? adapter.fromResult(r.value) : { error: r.error };
      } catch (err) {
        release = { error: (err as Error).message };
      }
      const decision = pairingLocalityModel(version, cell);
      return { cell, rule: decision.rule, model: decision.value, release, args: args[n]! };
    });
    return { version, adapter, rows };
  } finally {
    await slice.close();
  }
}

export const pairingLocalityMismatches = (t: PairingLocalityTable) => t.rows.filter((r) => r.model !== r.release);

/** The model against `openclaw@version` on every cell, as the release layer reports it. */
export async function pairingLocalityAgreement(version: string, opts: Pick<LoadOptions, "onProgress"> = {}): Promise<Agreement> {
  return agreementOf(await pairingLocalityTable(version, allPairingLocalityCells(), opts));
}

export function agreementOf(table: PairingLocalityTable): Agreement {
  if (!table.adapter) {
    return { function: PAIRING_LOCALITY_FN, status: "not-in-release", cells: 0, mismatches: 0, note: `no ${PAIRING_LOCALITY_FN} in this release` };
  }
  const kinds = new Set(table.rows.map((r) => r.model));
  return agreementFrom({
    function: PAIRING_LOCALITY_FN,
    real: PAIRING_LOCALITY_FN,
    shape: table.adapter.shape,
    ref: `openclaw@${table.version}`,
    cells: table.rows.length,
    disagreements: pairingLocalityMismatches(table).map((m) => ({
      input: { ...m.cell, key: pairingLocalityCellKey(m.cell), modelRule: m.rule }, model: m.model, release: m.release, args: m.args,
    })),
    note: `${kinds.size} distinct kinds over ${table.rows.length} cells`,
  });
}
