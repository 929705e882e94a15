import { CELL_FIELDS } from "../domain/cell.ts";
import type { Cell } from "../domain/cell.ts";
import { cellsAt } from "../domain/enumerate.ts";
import type { Implementation } from "../impl/implementation.ts";
import { decisionText } from "./diff.ts";
import { groupItems, type Cube, type GroupField } from "./group.ts";

export interface DecisionTable {
  title: string;
  fields: readonly GroupField[];
  rows: { decision: string; cube: Cube; cells: number }[];
}

/** Groups a domain by what an implementation decides for each item, into few readable rows. */
export function tabulateDecisions<T extends Record<string, unknown>>(
  title: string,
  domain: readonly T[],
  fields: readonly GroupField[],
  decisionOf: (item: T) => string,
): DecisionTable {
  const byDecision = new Map<string, T[]>();
  for (const item of domain) {
    const decision = decisionOf(item);
    const group = byDecision.get(decision);
    if (group) group.push(item);
    else byDecision.set(decision, [item]);
  }
  const rows = [...byDecision].flatMap(([decision, items]) => groupItems(items, domain, fields).map((r) => ({ decision, ...r })));
  return { title, fields, rows };
}

/** The implementation's whole connect decision table. */
export function decisionTable(impl: Implementation): DecisionTable {
  return tabulateDecisions<Cell>(`Decision table of \`${impl.ref}\``, cellsAt(impl.version), CELL_FIELDS, (c) => decisionText(impl.decide(c)));
}

const show = (cube: Cube, field: string, all: readonly unknown[]) => (cube[field]!.length === all.length ? "*" : cube[field]!.map(String).join("|"));

export function tableCsv(table: DecisionTable): string {
  const header = ["decision", ...table.fields.map(([f]) => f), "cells"].join(",");
  const lines = table.rows.map((r) => [`"${r.decision}"`, ...table.fields.map(([f, all]) => show(r.cube, f, all)), r.cells].join(","));
  return [header, ...lines].join("\n") + "\n";
}

export function tableMarkdown(table: DecisionTable): string {
  const header = `| decision | ${table.fields.map(([f]) => f).join(" | ")} | cells |`;
  const rule = `|${"---|".repeat(table.fields.length + 2)}`;
  // "a|b" inside a Markdown table cell must be escaped or it splits the cell
  const cell = (cube: Cube, f: string, all: readonly unknown[]) => show(cube, f, all).replaceAll("|", "\\|");
  const lines = table.rows.map((r) => `| ${r.decision} | ${table.fields.map(([f, all]) => cell(r.cube, f, all)).join(" | ")} | ${r.cells} |`);
  return [`## ${table.title}`, "", `${table.rows.length} rows; \`*\` means any value.`, "", header, rule, ...lines].join("\n") + "\n";
}
