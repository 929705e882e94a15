import type { Agreement } from "../differential/agreement.ts";
import { runFunction } from "../differential/layer.ts";
import { openPublished } from "../differential/open.ts";
import type { LoadOptions } from "../release/load.ts";
import { PAIRING_LOCALITY_FN, type PairingLocalityAdapter } from "./adapter.ts";
import { allPairingLocalityCells, type PairingLocalityCell, type PairingLocalityKind } from "./domain.ts";
import { PAIRING_LOCALITY } from "./layer.ts";
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
  agreement: Agreement;
}

/** `openclaw@version`'s resolvePairingLocality on these cells (all by default), in one load. */
export async function pairingLocalityTable(
  version: string,
  cells: readonly PairingLocalityCell[] = allPairingLocalityCells(),
  opts: Pick<LoadOptions, "onProgress"> = {},
): Promise<PairingLocalityTable> {
  const release = await openPublished(version, [PAIRING_LOCALITY_FN], opts);
  try {
    const run = await runFunction(PAIRING_LOCALITY, release, cells);
    const rows = (run.answers ?? []).map((answer, n): PairingLocalityRow => {
      const cell = cells[n]!;
      const decision = pairingLocalityModel(version, cell);
      return { cell, rule: decision.rule, model: decision.value, release: answer.ok ? answer.value : { error: answer.error }, args: answer.call.args };
    });
    return { version, ...(run.adapter ? { adapter: run.adapter } : {}), rows, agreement: run.agreement };
  } finally {
    await release.close();
  }
}

export const pairingLocalityMismatches = (t: PairingLocalityTable) => t.rows.filter((r) => r.model !== r.release);

/** The model against `openclaw@version` on every cell. */
export async function pairingLocalityAgreement(version: string): Promise<Agreement> {
  return (await pairingLocalityTable(version)).agreement;
}
