import { agreementFrom, type Agreement } from "../../impl/release/agreement.ts";
import { loadRelease, type LoadOptions } from "../../release/load.ts";
import { authArgs } from "../auth-args.ts";
import { allAuthCells, authCellKey, type AuthCell } from "../auth-cell.ts";
import { authorizeModel } from "../eras/index.ts";
import { outcomeOf, showOutcome, type AuthOutcome } from "../outcome.ts";
import { authAdapterFor, type AuthAdapter } from "./adapters.ts";
import { connectStateAgreement } from "./connect-state-agreement.ts";
import { ensureLoaded, sliceSource } from "./slice-source.ts";

const REAL = "authorizeGatewayConnect";

/** One cell as the model and the release decided it; `release` is `{error}` when the call threw. */
export interface AuthRow {
  cell: AuthCell;
  key: string;
  rule: string;
  model: AuthOutcome;
  release: AuthOutcome | { error: string };
  args: unknown[];
}

export interface AuthTable {
  version: string;
  adapter?: AuthAdapter;
  /** empty when the release has no authorizeGatewayConnect. */
  rows: AuthRow[];
  ms: { load: number; call: number };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Runs every auth cell through the release's sliced authorizeGatewayConnect (Tailscale whois
 * cut out and replaced per cell by a function returning the cell's whois answer) and the model.
 */
export async function authTable(version: string, cells: readonly AuthCell[] = allAuthCells(), opts: Pick<LoadOptions, "onProgress"> = {}): Promise<AuthTable> {
  const t0 = performance.now();
  const slice = await loadRelease(version, [REAL], opts.onProgress ? { onProgress: opts.onProgress } : {});
  try {
    const load = performance.now() - t0;
    if (!ensureLoaded(slice, REAL)) return { version, rows: [], ms: { load, call: 0 } };
    const adapter = authAdapterFor(await sliceSource(slice, REAL), `openclaw@${version}`);
    const args = cells.map((c) => adapter.toArgs(authArgs(c)));
    const t1 = performance.now();
    const results = await slice.call(REAL, args);
    const call = performance.now() - t1;
    const rows = cells.map((cell, n): AuthRow => {
      const r = results[n]!;
      let release: AuthRow["release"];
      try {
        release = r.ok ? outcomeOf(r.value) : { error: r.error };
      } catch (err) {
        release = { error: (err as Error).message };
      }
      const decision = authorizeModel(version, cell);
      return { cell, key: authCellKey(cell), rule: decision.rule, model: decision.value, release, args: args[n]! };
    });
    return { version, adapter, rows, ms: { load, call } };
  } finally {
    await slice.close();
  }
}

export const mismatchesOf = (table: AuthTable) => table.rows.filter((r) => !same(r.model, r.release));

/**
 * Model against release on every auth cell, as the per-function agreement the release layer
 * reports: authorizeGatewayConnect on the whole domain, then the facts resolveConnectAuthState
 * derives from it (on the cells it can be driven on).
 */
export async function authAgreement(version: string, opts: Pick<LoadOptions, "onProgress"> = {}): Promise<Agreement[]> {
  return [agreementOf(await authTable(version, allAuthCells(), opts)), await connectStateAgreement(version, opts)];
}

export function agreementOf(table: AuthTable): Agreement {
  if (!table.adapter) return { function: REAL, status: "not-in-release", cells: 0, mismatches: 0, note: "no authorizeGatewayConnect in this release" };
  return agreementFrom({
    function: REAL,
    real: REAL,
    shape: table.adapter.shape,
    ref: `openclaw@${table.version}`,
    cells: table.rows.length,
    disagreements: mismatchesOf(table).map((m) => ({ input: { ...m.cell, key: m.key, modelRule: m.rule }, model: m.model, release: m.release, args: m.args })),
    // no timing here: the note reaches reports, which must be the same bytes on any machine
    note: showRuleCount(table),
  });
}

function showRuleCount(table: AuthTable): string {
  const outcomes = new Set(table.rows.map((r) => showOutcome(r.model)));
  return `${outcomes.size} distinct outcomes over ${table.rows.length} cells`;
}
