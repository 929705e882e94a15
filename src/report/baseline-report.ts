/**
 * How a baseline comparison is shown: appended to the text and Markdown reports, and a `baseline`
 * field in JSON, so the same report says which violations are new and which were there before.
 */
import type { BaselineReport } from "../engine/baseline.ts";

/** Text lines for a baseline comparison (appended to the text and Markdown reports). */
export function baselineLines(report: BaselineReport): string[] {
  const lines = [`baseline ${report.baseline}:`];
  for (const e of report.entries) {
    lines.push(e.status === "new"
      ? `  ✗ ${e.property}: ${e.newViolations} new violation(s) not in the baseline${e.example ? `, e.g. ${e.example}` : ""}${e.preExisting ? ` (${e.preExisting} pre-existing)` : ""}`
      : `  · ${e.property}: pre-existing (${e.preExisting} violation(s) the baseline has too; not failing)`);
  }
  if (!report.entries.length) lines.push("  no violations");
  lines.push(report.failed ? "result: new violations" : "result: no new violations");
  return lines;
}

/** The rendered check report with the baseline comparison added in the same format. */
export function withBaseline(format: string, rendered: string, reports: readonly BaselineReport[]): string {
  if (format === "json") return JSON.stringify({ ...(JSON.parse(rendered) as object), baseline: reports }, null, 2) + "\n";
  if (format === "text") return rendered + reports.flatMap(baselineLines).join("\n") + "\n";
  if (format === "markdown") return rendered + "\n" + reports.map((r) => "```\n" + baselineLines(r).join("\n") + "\n```\n").join("\n");
  return rendered;
}
