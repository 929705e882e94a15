import { CELL_FIELDS } from "../domain/cell.ts";
import type { Cell } from "../domain/cell.ts";
import { cellsAt } from "../domain/enumerate.ts";
import type { Implementation } from "../impl/implementation.ts";
import { decisionText } from "./diff.ts";
import { groupCells, type CellCube } from "./group.ts";

export interface TableRow {
  decision: string;
  cube: CellCube;
  cells: number;
}

/** The implementation's whole decision table, grouped into the fewest readable rows we can find. */
export function decisionTable(impl: Implementation): TableRow[] {
  const domain = cellsAt(impl.version);
  const byDecision = new Map<string, Cell[]>();
  for (const cell of domain) {
    const decision = decisionText(impl.decide(cell));
    byDecision.set(decision, [...(byDecision.get(decision) ?? []), cell]);
  }
  return [...byDecision].flatMap(([decision, cells]) => groupCells(cells, domain).map((r) => ({ decision, cube: r.cube, cells: r.cells })));
}

const show = (cube: CellCube, field: (typeof CELL_FIELDS)[number][0], all: readonly unknown[]) =>
  cube[field].length === all.length ? "*" : (cube[field] as readonly unknown[]).map(String).join("|");

export function tableCsv(rows: TableRow[]): string {
  const header = ["decision", ...CELL_FIELDS.map(([f]) => f), "cells"].join(",");
  const lines = rows.map((r) => [`"${r.decision}"`, ...CELL_FIELDS.map(([f, all]) => show(r.cube, f, all)), r.cells].join(","));
  return [header, ...lines].join("\n") + "\n";
}

export function tableMarkdown(ref: string, rows: TableRow[]): string {
  const header = `| decision | ${CELL_FIELDS.map(([f]) => f).join(" | ")} | cells |`;
  const rule = `|${"---|".repeat(CELL_FIELDS.length + 2)}`;
  const lines = rows.map((r) => `| ${r.decision} | ${CELL_FIELDS.map(([f, all]) => show(r.cube, f, all)).join(" | ")} | ${r.cells} |`);
  return [`## Decision table of \`${ref}\``, "", `${rows.length} rows; \`*\` means any value.`, "", header, rule, ...lines].join("\n") + "\n";
}
