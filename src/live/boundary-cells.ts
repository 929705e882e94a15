/**
 * What a registered boundary is about, from the model alone: the cells its pattern selects at both
 * releases, and among them the ones that carry the measurement: where the model's verdicts on the
 * two sides differ as a live gateway can see them, split into those the harness can realise on
 * both releases and those it cannot (bootstrap tokens, …). Cheap (no gateway), so the unit test
 * and the command share it.
 */
import { cellKey, matchesPattern, parseCellPattern, type CellPattern } from "../domain/cell-key.ts";
import type { Cell } from "../domain/cell.ts";
import { cellsAt } from "../domain/enumerate.ts";
import { releaseModel } from "../impl/model-impl.ts";
import type { LiveBoundary } from "./boundaries.ts";
import { liveAgrees } from "./compare.ts";
import { liveProfile } from "./profile.ts";
import { unrealisedReason } from "./realise.ts";

export interface BoundaryCells {
  pattern: CellPattern;
  /** cells the pattern selects at both releases (the domain of a release may differ). */
  cells: readonly Cell[];
  /** the cells that carry the measurement. */
  telling: readonly Cell[];
  /** of those, the ones the harness can realise on both releases (a netns assumed); the rest stay unchecked. */
  realisable: readonly Cell[];
  /** the telling cells it cannot realise on either release, with the first reason. */
  unrealisable: readonly { cell: Cell; reason: string }[];
}

export function boundaryCells(b: LiveBoundary): BoundaryCells {
  const pattern = parseCellPattern(b.cells);
  const after = new Set(cellsAt(b.after).filter((c) => matchesPattern(c, pattern)).map(cellKey));
  const cells = cellsAt(b.before).filter((c) => matchesPattern(c, pattern) && after.has(cellKey(c)));
  const before = releaseModel(b.before);
  const next = releaseModel(b.after);
  // seen from outside: two verdicts a live gateway cannot tell apart are no boundary
  const telling = cells.filter((c) => !liveAgrees(c, before.decide(c), next.decide(c)));
  const profiles = [liveProfile(b.before), liveProfile(b.after)];
  const reasons = telling.map((cell) => ({ cell, reason: profiles.map((p) => unrealisedReason(cell, p, undefined)).find((r) => r !== undefined) }));
  return {
    pattern, cells, telling,
    realisable: reasons.filter((r) => r.reason === undefined).map((r) => r.cell),
    unrealisable: reasons.filter((r): r is { cell: Cell; reason: string } => r.reason !== undefined),
  };
}
