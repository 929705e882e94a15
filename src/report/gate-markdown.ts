/** The gate report as Markdown, for a PR comment or `$GITHUB_STEP_SUMMARY`. */
import { gateCounts, gateFailed, gateVerdict, narrowingFails, type GateRun } from "./gate-text.ts";

const cell = (s: string) => s.replace(/\|/g, "\\|");

export function gateMarkdown(run: GateRun): string {
  const r = run.report;
  const lines = [`## clawproof gate: ${gateFailed(run) ? "❌ widens access" : "✅ no new widening"}`, "", `\`${r.base}\` → \`${r.head}\`: ${gateCounts(r)}`, ""];
  if (r.unaccepted.length) {
    lines.push("| base decided | head decides | when | cells |", "|---|---|---|---:|");
    for (const u of r.unaccepted) lines.push(`| ${cell(u.from)} | ${cell(u.to)} | \`${cell(u.when)}\` | ${u.cells} |`);
    lines.push("");
  }
  if (r.narrowing.length) {
    lines.push(narrowingFails(r) ? "Narrowing (fails; `--allow-narrowing` accepts it):" : "Narrowing (accepted with `--allow-narrowing`):", "");
    lines.push("| base decided | head decides | when | cells |", "|---|---|---|---:|");
    for (const n of r.narrowing) lines.push(`| ${cell(n.from)} | ${cell(n.to)} | \`${cell(n.when)}\` | ${n.cells} |`);
    lines.push("");
  }
  if (run.baseline?.fresh.length) lines.push(`New widening, e.g. \`${run.baseline.fresh[0]}\``, "");
  lines.push(`**${gateVerdict(run).replace(/^result: /gm, "")}**`, "");
  lines.push(`Replay: \`npx clawproof gate ${r.base} ${r.head}\``, "");
  return lines.join("\n");
}
