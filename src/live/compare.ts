/**
 * Live against another implementation, cell by cell, on what a live gateway can show. Two
 * pairing outcomes look alike from outside and are compared as one: a paired device admitted
 * through a pairing skip (or whose device the Control UI bypass dropped) reads "paired", and an unpaired device the bypass dropped, or whose
 * pairing was skipped, leaves nothing in the paired store. Node scopes are not observable (a
 * node asks for none). An `unexplained` live answer never agrees.
 */
import type { Cell } from "../domain/cell.ts";
import type { Verdict } from "../domain/verdict.ts";

export function liveAgrees(cell: Cell, live: Verdict, other: Verdict): boolean {
  if (live.reason === "unexplained") return false;
  if (live.outcome !== other.outcome || live.reason !== other.reason) return false;
  if (live.outcome === "reject") return true;
  if (cell.role !== "node" && live.scopes !== other.scopes) return false;
  return pairingClass(cell, live.pairing) === pairingClass(cell, other.pairing);
}

function pairingClass(cell: Cell, pairing: Verdict["pairing"]): string {
  // a paired device admitted reads the same whether it was checked, skipped, or dropped by the Control UI bypass
  if (cell.device === "paired" && (pairing === "paired" || pairing === "skipped" || pairing === "no-device")) return "admitted-with-paired-device";
  if (cell.device === "unpaired" && (pairing === "skipped" || pairing === "no-device")) return "not-persisted";
  return pairing;
}

/** A short class of a disagreement, e.g. `admit(kept,silent) → reject pairing-required`. */
export function decisionLabel(v: Verdict): string {
  return v.outcome === "admit" ? `admit(${v.scopes},${v.pairing})` : `reject ${v.reason}`;
}
