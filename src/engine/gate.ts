import { z } from "zod";
import { matchesPattern, parseCellPattern, type CellPattern } from "../domain/cell-key.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { Implementation } from "../impl/implementation.ts";
import { decisionText, diffImplementations } from "./diff.ts";
import { groupCells, showCube } from "./group.ts";
import { cellsAt } from "../domain/enumerate.ts";

/** What a change may widen without failing the gate: each entry a cell pattern and the reason it is accepted. */
export const EnvelopeSchema = z.object({
  allow: z.array(z.object({ when: z.string(), why: z.string().min(1) })),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

/**
 * A change widens access when the head admits what the base rejected (a device that needed an
 * operator's approval included) or keeps scopes the base cleared. How an admitted device's
 * pairing was settled (paired, skipped, silent) is reported as another change, not a widening.
 */
export function widens(base: Verdict, head: Verdict): boolean {
  if (base.outcome === "reject") return head.outcome === "admit";
  return head.outcome === "admit" && base.scopes === "cleared" && head.scopes === "kept";
}

export interface GateReport {
  base: string;
  head: string;
  widened: { cell: string; base: string; head: string; acceptedBy?: string }[];
  /** widenings not covered by the envelope, grouped into readable rules. */
  unaccepted: { from: string; to: string; when: string; cells: number }[];
  narrowed: number;
  otherChanges: number;
}

/** IAM Access Analyzer's CheckNoNewAccess over the whole domain: every widening must be in the envelope. */
export function gate(base: Implementation, head: Implementation, envelope: Envelope = { allow: [] }): GateReport {
  const allowed: { pattern: CellPattern; why: string; when: string }[] = envelope.allow.map((a) => ({ pattern: parseCellPattern(a.when), why: a.why, when: a.when }));
  const diff = diffImplementations(base, head);
  const widened: GateReport["widened"] = [];
  let narrowed = 0;
  let otherChanges = 0;
  for (const change of diff.changes) {
    if (widens(change.base, change.head)) {
      const accepted = allowed.find((a) => matchesPattern(change.cell, a.pattern));
      widened.push({ cell: change.key, base: decisionText(change.base), head: decisionText(change.head), ...(accepted ? { acceptedBy: accepted.when } : {}) });
    } else if (widens(change.head, change.base)) narrowed++;
    else otherChanges++;
  }
  const open = diff.changes.filter((c) => widens(c.base, c.head) && !allowed.some((a) => matchesPattern(c.cell, a.pattern)));
  const byTransition = new Map<string, typeof open>();
  for (const c of open) {
    const t = `${decisionText(c.base)}\u0000${decisionText(c.head)}`;
    byTransition.set(t, [...(byTransition.get(t) ?? []), c]);
  }
  const domain = cellsAt(head.version);
  const unaccepted = [...byTransition].flatMap(([t, changes]) => {
    const [from, to] = t.split("\u0000") as [string, string];
    return groupCells(changes.map((c) => c.cell), domain).map((r) => ({ from, to, when: showCube(r.cube), cells: r.cells }));
  });
  return { base: base.ref, head: head.ref, widened, unaccepted, narrowed, otherChanges };
}
