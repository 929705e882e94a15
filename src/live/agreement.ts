/**
 * Live against another implementation as agreement entries: one entry that agrees, or one per
 * kind of disagreement (`model decision → live decision`) with its count, the first cell, both
 * verdicts and the command that replays that one real handshake.
 */
import { cellKey } from "../domain/cell-key.ts";
import type { Cell } from "../domain/cell.ts";
import type { Implementation } from "../impl/implementation.ts";
import type { Agreement } from "../differential/agreement.ts";
import { decisionLabel, liveAgrees } from "./compare.ts";
import { diagnosisOf } from "./diagnoses.ts";

export function disagreementAgreements(live: Implementation, other: Implementation, cells: readonly Cell[]): Agreement[] {
  // one group per kind of disagreement and diagnosis: two causes with the same label are reported apart
  const groups = new Map<string, { label: string; cells: Cell[] }>();
  for (const cell of cells) {
    const mine = live.decide(cell);
    let theirs;
    try {
      theirs = other.decide(cell);
    } catch {
      continue;
    }
    if (liveAgrees(cell, mine, theirs)) continue;
    const label = `${decisionLabel(theirs)} → ${decisionLabel(mine)}`;
    const id = `${label}\n${diagnosisOf(live.version, cell, label) ?? ""}`;
    const group = groups.get(id) ?? { label, cells: [] };
    group.cells.push(cell);
    groups.set(id, group);
  }
  const fn = `live≡${other.ref}`;
  if (!groups.size) return [{ function: fn, real: live.ref, status: "agrees", cells: cells.length, mismatches: 0 }];
  return [...groups.values()].map(({ label, ...g }) => {
    const first = g.cells[0]!;
    const diagnosis = diagnosisOf(live.version, first, label);
    return {
      function: `${fn} [${label}]`,
      real: live.ref,
      status: "mismatch" as const,
      cells: cells.length,
      mismatches: g.cells.length,
      example: {
        input: { cell: cellKey(first) },
        model: other.decide(first),
        release: live.decide(first),
        replay: `npx clawproof decide ${live.ref} --cell ${cellKey(first)}`,
      },
      ...(diagnosis ? { note: diagnosis } : {}),
    };
  });
}
