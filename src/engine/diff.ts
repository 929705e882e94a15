import { z } from "zod";
import { cellKey } from "../domain/cell-key.ts";
import { CellSchema, type Cell } from "../domain/cell.ts";
import { cellsAt, indexOf } from "../domain/enumerate.ts";
import { VerdictSchema, sameDecision, type Verdict } from "../domain/verdict.ts";
import type { Implementation } from "../impl/implementation.ts";
import { groupCells, showCube } from "./group.ts";

export const DiffReportSchema = z.object({
  tool: z.literal("clawproof"),
  command: z.literal("diff"),
  base: z.string(),
  head: z.string(),
  cells: z.number(),
  changes: z.array(z.object({ cell: CellSchema, key: z.string(), base: VerdictSchema, head: VerdictSchema })),
  groups: z.array(z.object({ from: z.string(), to: z.string(), cells: z.number(), rows: z.array(z.object({ when: z.string(), cells: z.number() })) })),
  /** cells that exist against only one side (a credential added in between). */
  onlyInBase: z.number(),
  onlyInHead: z.number(),
});
export type DiffReport = z.infer<typeof DiffReportSchema>;

/** A verdict without its rule trail, as one phrase: what the diff groups by. */
export const decisionText = (v: Verdict) =>
  v.outcome === "reject" ? `reject ${v.reason}` : `admit (scopes ${v.scopes}, pairing ${v.pairing})`;

/** Margrave-style semantic diff: every common cell whose decision changed, grouped into readable rules. */
export function diffImplementations(base: Implementation, head: Implementation): DiffReport {
  const baseCells = cellsAt(base.version);
  const headIndex = new Set(cellsAt(head.version).map(indexOf));
  const common = baseCells.filter((c) => headIndex.has(indexOf(c)));
  const changes: DiffReport["changes"] = [];
  const byTransition = new Map<string, Cell[]>();
  for (const cell of common) {
    const b = base.decide(cell);
    const h = head.decide(cell);
    if (sameDecision(b, h)) continue;
    changes.push({ cell, key: cellKey(cell), base: b, head: h });
    const transition = `${decisionText(b)}\u0000${decisionText(h)}`;
    const group = byTransition.get(transition);
    if (group) group.push(cell);
    else byTransition.set(transition, [cell]);
  }
  const groups = [...byTransition].map(([transition, cells]) => {
    const [from, to] = transition.split("\u0000") as [string, string];
    const rows = groupCells(cells, common).map((r) => ({ when: showCube(r.cube), cells: r.cells }));
    return { from, to, cells: cells.length, rows };
  });
  groups.sort((a, b) => b.cells - a.cells);
  return {
    tool: "clawproof",
    command: "diff",
    base: base.ref,
    head: head.ref,
    cells: common.length,
    changes,
    groups,
    onlyInBase: baseCells.length - common.length,
    onlyInHead: headIndex.size - common.length,
  };
}
