import { counterexampleLines } from "./counterexample-lines.ts";
import type { CheckReport } from "../engine/results.ts";

const ICON = { holds: "✅", violated: "❌", "not-applicable": "➖" } as const;

/** A PR comment: a table per implementation, failures expanded below it. */
export function checkMarkdown(report: CheckReport): string {
  const parts: string[] = ["## clawproof check", ""];
  for (const impl of report.impls) {
    parts.push(`### \`${impl.ref}\` ${ICON[impl.status]}`, "", `${impl.title}${impl.base ? ` — compared with \`${impl.base}\`` : ""}`, "");
    parts.push("| property | result | cells | exempted |", "|---|---|---|---|");
    for (const p of impl.properties) {
      const result = p.status === "violated" ? `${ICON.violated} ${p.violations} violate` : `${ICON[p.status]} ${p.status}`;
      const exempted = p.exempted.map((e) => `${e.exception} (${e.cells})`).join(", ");
      parts.push(`| \`${p.id}\` | ${result} | ${p.cells} | ${exempted} |`);
    }
    const agreement = impl.agreement ?? [];
    if (agreement.length) {
      parts.push("", "| function (release vs model) | result | inputs |", "|---|---|---|");
      for (const a of agreement) parts.push(`| \`${a.function}\` | ${a.status === "mismatch" ? `❌ ${a.mismatches} differ` : a.status === "agrees" ? "✅ agrees" : "➖ not in release"} | ${a.cells} |`);
    }
    const c = impl.coverage;
    parts.push("", c.judged ? `Rule coverage: ${c.hit}/${c.rules}${c.missed.length ? ` — never hit: ${c.missed.map((m) => `\`${m}\``).join(", ")}` : ""}` : "Rule coverage: not judged.", "");
    if (c.unmeasured?.length) parts.push(...c.unmeasured.map((u) => `- unmeasured boundary: \`${u.rule}\` (${u.why})`), "");
    for (const p of impl.properties.filter((x) => x.counterexample)) {
      const ce = p.counterexample!;
      parts.push(`<details><summary><code>${p.id}</code>: ${ce.message}</summary>`, "", "```", ...counterexampleLines(ce).filter((l) => !l.startsWith("replay:")));
      parts.push("```", "", `Replay: \`${ce.replay}\``, "", "</details>", "");
    }
  }
  return parts.join("\n");
}
