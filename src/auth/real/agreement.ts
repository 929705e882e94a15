import type { FunctionRun } from "../../differential/layer.ts";
import { runFunction } from "../../differential/layer.ts";
import { openPublished } from "../../differential/open.ts";
import type { Agreement } from "../../differential/agreement.ts";
import type { LoadOptions } from "../../release/load.ts";
import { allAuthCells, authCellKey, type AuthCell } from "../auth-cell.ts";
import { authorizeModel } from "../eras/index.ts";
import type { AuthOutcome } from "../outcome.ts";
import type { AuthAdapter } from "./adapters.ts";
import { AUTHORIZE, CONNECT_STATE } from "./layer.ts";

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
  agreement: Agreement;
}

/** The rows of an authorizeGatewayConnect run, for tests and reviews that look past the agreement. */
export function authRows(run: FunctionRun<AuthCell, AuthOutcome>, version: string): AuthRow[] {
  return (run.answers ?? []).map((answer, n) => {
    const cell = run.inputs[n]!;
    const decision = authorizeModel(version, cell);
    return { cell, key: authCellKey(cell), rule: decision.rule, model: decision.value, release: answer.ok ? answer.value : { error: answer.error }, args: answer.call.args };
  });
}

/** `openclaw@version`'s authorizeGatewayConnect on these cells (all by default), in one load. */
export async function authTable(version: string, cells: readonly AuthCell[] = allAuthCells(), opts: Pick<LoadOptions, "onProgress"> = {}): Promise<AuthTable> {
  const release = await openPublished(version, [AUTHORIZE.adapters[0]!.real], opts);
  try {
    const run = await runFunction(AUTHORIZE, release, cells);
    return { version, ...(run.adapter ? { adapter: run.adapter } : {}), rows: authRows(run, version), agreement: run.agreement };
  } finally {
    await release.close();
  }
}

export const agreementOf = (table: AuthTable): Agreement => table.agreement;
export const mismatchesOf = (table: AuthTable) => table.rows.filter((r) => JSON.stringify(r.model) !== JSON.stringify(r.release));

/** `openclaw@version`'s resolveConnectAuthState against the model, in one load. */
export async function connectStateAgreement(version: string): Promise<Agreement> {
  const release = await openPublished(version, [CONNECT_STATE.adapters[0]!.real]);
  try {
    return (await runFunction(CONNECT_STATE, release)).agreement;
  } finally {
    await release.close();
  }
}
