/**
 * Measuring a registered boundary on real gateways: `live:` on the release before and on the one
 * after (the same live implementation as `check live:`, limited to the boundary's cells; verdicts
 * come from the live cache where it has them), each compared cell by cell with the model at that
 * release. A boundary agrees only when every realised cell agrees on both sides and every cell
 * that carries the measurement and that the harness can realise was realised on both; a release
 * that will not install or start, or such a cell left unrealised (no netns, …), makes it
 * uncheckable, with the reason. Telling cells no live run can realise are reported unchecked.
 */
import { cellKey } from "../domain/cell-key.ts";
import type { Cell } from "../domain/cell.ts";
import { cellsAt } from "../domain/enumerate.ts";
import { CannotCheckError, EXIT } from "../domain/errors.ts";
import { matchesPattern } from "../domain/cell-key.ts";
import type { Verdict } from "../domain/verdict.ts";
import { releaseModel } from "../impl/model-impl.ts";
import type { LiveBoundary } from "./boundaries.ts";
import { boundaryCells } from "./boundary-cells.ts";
import { liveAgrees } from "./compare.ts";
import { loadLiveImplementation, type LiveLoadOptions } from "./index.ts";

export interface SideResult {
  version: string;
  /** wall time of this side: install (when not cached) + gateway starts + handshakes, or a cache read. */
  seconds: number;
  /** the release could not be run: why. */
  error?: string;
  realised: number;
  mismatches: { cell: string; live: Verdict; model: Verdict }[];
  /** cells the harness could not realise here, with the reason. */
  unrealised: { cell: string; reason: string }[];
  notes: string[];
}

export interface BoundaryResult {
  boundary: LiveBoundary;
  status: "agrees" | "mismatch" | "cannot-check";
  /** why it could not be checked. */
  why?: string;
  /** cells the model tells apart across the boundary, and how many of them the harness can realise. */
  telling: number;
  realisable: number;
  /** telling cells no live run can realise, counted per reason: unchecked, never agreeing. */
  unchecked: { reason: string; cells: number }[];
  sides: [SideResult, SideResult];
}

export const BOUNDARY_EXIT = { agrees: EXIT.holds, mismatch: EXIT.violated, "cannot-check": EXIT.cannotCheck } as const;

export async function measureBoundary(b: LiveBoundary, options: Pick<LiveLoadOptions, "onProgress" | "localOnly" | "jobs"> = {}): Promise<BoundaryResult> {
  const { pattern, telling, realisable, unrealisable } = boundaryCells(b);
  const sides = [await measureSide(b.before, pattern, options), await measureSide(b.after, pattern, options)] as [SideResult, SideResult];
  const perReason = new Map<string, number>();
  for (const u of unrealisable) perReason.set(u.reason, (perReason.get(u.reason) ?? 0) + 1);
  const unchecked = [...perReason].map(([reason, cells]) => ({ reason, cells }));
  const base = { boundary: b, telling: telling.length, realisable: realisable.length, unchecked, sides };
  if (sides.some((s) => s.mismatches.length)) return { ...base, status: "mismatch" };
  const failed = sides.find((s) => s.error);
  if (failed) return { ...base, status: "cannot-check", why: `live:${failed.version}: ${failed.error}` };
  if (!realisable.length) return { ...base, status: "cannot-check", why: "the model shows nothing the harness can realise across this boundary on these cells" };
  for (const side of sides) {
    const missing = realisable.filter((c) => side.unrealised.some((u) => u.cell === cellKey(c)));
    if (missing.length) {
      const reason = side.unrealised.find((u) => u.cell === cellKey(missing[0]!))!.reason;
      return { ...base, status: "cannot-check", why: `live:${side.version}: ${missing.length} of the ${realisable.length} realisable cells that tell the sides apart not realised (e.g. ${cellKey(missing[0]!)}: ${reason})` };
    }
  }
  return { ...base, status: "agrees" };
}

async function measureSide(version: string, pattern: Partial<Cell>, options: Pick<LiveLoadOptions, "onProgress" | "localOnly" | "jobs">): Promise<SideResult> {
  const t0 = Date.now();
  const side: SideResult = { version, seconds: 0, realised: 0, mismatches: [], unrealised: [], notes: [] };
  let live;
  try {
    live = await loadLiveImplementation(version, { ...options, cells: pattern, compare: false });
  } catch (error) {
    if (!(error instanceof CannotCheckError)) throw error;
    return { ...side, seconds: (Date.now() - t0) / 1000, error: error.message.replace(new RegExp(`^live:${version.replace(/\./g, "\\.")}: `), "") };
  }
  const model = releaseModel(version);
  for (const cell of cellsAt(version).filter((c) => matchesPattern(c, pattern))) {
    const reason = live.unrealised?.(cell);
    if (reason !== undefined) {
      side.unrealised.push({ cell: cellKey(cell), reason });
      continue;
    }
    side.realised++;
    const seen = live.decide(cell);
    const expected = model.decide(cell);
    if (!liveAgrees(cell, seen, expected)) side.mismatches.push({ cell: cellKey(cell), live: seen, model: expected });
  }
  side.notes = live.notes.filter((n) => !n.startsWith("realised "));
  side.seconds = (Date.now() - t0) / 1000;
  return side;
}
