import { z } from "zod";
import { matchesPattern, parseCellPattern, type CellPattern } from "../domain/cell-key.ts";
import type { Cell } from "../domain/cell.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { Implementation } from "../impl/implementation.ts";
import { decisionText, diffImplementations, type DiffReport } from "./diff.ts";
import { groupCells, showCube } from "./group.ts";
import { cellsAt } from "../domain/enumerate.ts";

/**
 * What a change may widen without failing the gate: each entry a cell pattern and the reason it
 * is accepted. An entry whose `when` selects every cell accepts any widening at all, so it must
 * say so with `"everything": true`; without that it is refused (exit 2), like an empty `when`.
 */
export const EnvelopeSchema = z.object({
  allow: z.array(z.object({ when: z.string(), why: z.string().min(1), everything: z.literal(true).optional() })),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

export interface GateOptions {
  /** accept narrowings (the head rejects, or clears scopes, where the base did not) instead of failing on them. */
  allowNarrowing?: boolean;
}
/**
 * A change widens access when the head admits what the base rejected (a device that needed an
 * operator's approval included) or keeps scopes the base cleared. How an admitted device's
 * pairing was settled (paired, skipped, silent) is reported as another change, not a widening.
 */
export function widens(base: Verdict, head: Verdict): boolean {
  if (base.outcome === "reject") return head.outcome === "admit";
  return head.outcome === "admit" && base.scopes === "cleared" && head.scopes === "kept";
}

/** One readable rule of a gate report: a transition and the cells it covers. */
export interface GateRow {
  from: string;
  to: string;
  when: string;
  cells: number;
}

export interface GateReport {
  base: string;
  head: string;
  widened: { cell: string; base: string; head: string; acceptedBy?: string }[];
  /**
   * Every changed cell is in exactly one row of exactly one class (the rows' cells add up to the
   * diff's changes): widenings outside the envelope, widenings it accepts, narrowings, and the rest
   * (how an admitted device's pairing is settled).
   */
  unaccepted: GateRow[];
  accepted: GateRow[];
  narrowing: GateRow[];
  other: GateRow[];
  narrowed: number;
  otherChanges: number;
  /** narrowing is its own failing class: a release that locks clients out fails unless the gate was told to accept it. */
  allowNarrowing: boolean;
  failed: boolean;
}

/** A narrowing takes away what the base granted: it rejects what the base admitted, or clears scopes the base kept. */
export const narrows = (base: Verdict, head: Verdict): boolean => widens(head, base);

type Change = DiffReport["changes"][number];

/** IAM Access Analyzer's CheckNoNewAccess over the whole domain: every widening must be in the envelope; narrowing fails too unless allowed. */
export function gate(base: Implementation, head: Implementation, envelope: Envelope = { allow: [] }, options: GateOptions = {}): GateReport {
  const domain = cellsAt(head.version);
  const allowed = envelope.allow.map((a) => envelopeEntry(a, domain));
  const diff = diffImplementations(base, head);
  const acceptedBy = (c: Change) => allowed.find((a) => matchesPattern(c.cell, a.pattern));
  const classes: Record<"unaccepted" | "accepted" | "narrowing" | "other", Change[]> = { unaccepted: [], accepted: [], narrowing: [], other: [] };
  const widened: GateReport["widened"] = [];
  for (const change of diff.changes) {
    if (widens(change.base, change.head)) {
      const entry = acceptedBy(change);
      widened.push({ cell: change.key, base: decisionText(change.base), head: decisionText(change.head), ...(entry ? { acceptedBy: entry.when } : {}) });
      classes[entry ? "accepted" : "unaccepted"].push(change);
    } else if (narrows(change.base, change.head)) classes.narrowing.push(change);
    else classes.other.push(change);
  }
  const rows = (changes: Change[]) => groupTransitions(changes, domain);
  const allowNarrowing = options.allowNarrowing ?? false;
  const report = {
    base: base.ref, head: head.ref, widened,
    unaccepted: rows(classes.unaccepted), accepted: rows(classes.accepted), narrowing: rows(classes.narrowing), other: rows(classes.other),
    narrowed: classes.narrowing.length, otherChanges: classes.other.length, allowNarrowing,
  };
  return { ...report, failed: report.unaccepted.length > 0 || (!allowNarrowing && report.narrowing.length > 0) };
}

/** Rows per transition (from → to), each transition's cells covered by disjoint cubes. */
function groupTransitions(changes: readonly Change[], domain: readonly Cell[]): GateRow[] {
  const byTransition = new Map<string, Change[]>();
  for (const c of changes) {
    const t = `${decisionText(c.base)}\u0000${decisionText(c.head)}`;
    const group = byTransition.get(t);
    if (group) group.push(c);
    else byTransition.set(t, [c]);
  }
  return [...byTransition].flatMap(([t, group]) => {
    const [from, to] = t.split("\u0000") as [string, string];
    return groupCells(group.map((c) => c.cell), domain).map((r) => ({ from, to, when: showCube(r.cube), cells: r.cells }));
  });
}

function envelopeEntry(entry: Envelope["allow"][number], domain: readonly Cell[]): { pattern: CellPattern; when: string } {
  if (entry.everything) return { pattern: {}, when: entry.when || "(everything)" };
  if (!entry.when.trim()) throw new Error(`an entry with an empty "when" would accept every widening; write "everything": true if that is meant (why: ${entry.why})`);
  const pattern = parseCellPattern(entry.when);
  if (domain.every((c) => matchesPattern(c, pattern))) {
    throw new Error(`"when": "${entry.when}" matches every cell, so it accepts every widening; write "everything": true if that is meant`);
  }
  return { pattern, when: entry.when };
}
