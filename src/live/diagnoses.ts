/**
 * Disagreements between a live gateway and the model that were looked at by hand and are not
 * (yet) fixed on either side, each with what was found. A disagreement without a diagnosis is
 * reported bare: someone has to look at it.
 */
import type { Cell } from "../domain/cell.ts";

interface Diagnosis {
  /** releases it was diagnosed on (exact versions). */
  versions: readonly string[];
  /** the `model → live` label it explains. */
  label: string;
  applies?: (cell: Cell) => boolean;
  why: string;
}

export const DIAGNOSES: readonly Diagnosis[] = [];

export function diagnosisOf(version: string, cell: Cell, label: string): string | undefined {
  return DIAGNOSES.find((d) => d.versions.includes(version) && d.label === label && (d.applies?.(cell) ?? true))?.why;
}
