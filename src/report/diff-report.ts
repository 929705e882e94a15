import type { DiffReport } from "../engine/diff.ts";

export function diffText(d: DiffReport): string {
  const lines = [`clawproof diff ${d.base} → ${d.head}: ${d.changes.length} of ${d.cells} cells change`];
  if (d.onlyInBase || d.onlyInHead) lines.push(`  (${d.onlyInBase} cells exist only against the base, ${d.onlyInHead} only against the head)`);
  for (const g of d.groups) {
    lines.push("", `  ${g.from}  →  ${g.to}   (${g.cells} cells)`);
    for (const r of g.rows) lines.push(`    when ${r.when}   [${r.cells}]`);
  }
  return lines.join("\n") + "\n";
}

export function diffMarkdown(d: DiffReport): string {
  const lines = [`## clawproof diff \`${d.base}\` → \`${d.head}\``, "", `${d.changes.length} of ${d.cells} cells change.`, ""];
  for (const g of d.groups) {
    lines.push(`### ${g.from} → ${g.to} (${g.cells} cells)`, "", "| when | cells |", "|---|---|");
    for (const r of g.rows) lines.push(`| \`${r.when.replaceAll("|", "\\|")}\` | ${r.cells} |`);
    lines.push("");
  }
  return lines.join("\n");
}
