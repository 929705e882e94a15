import { counterexampleLines } from "./counterexample-lines.ts";
import type { CheckReport, ImplResult, PropertyResult } from "../engine/results.ts";

const MARK = { holds: "✓", violated: "✗", "not-applicable": "–" } as const;

/** The report a person reads in a terminal: failures first in detail, passes one line each. */
export function checkText(report: CheckReport): string {
  const out = report.impls.flatMap(implText);
  const failed = report.impls.filter((i) => i.status === "violated");
  out.push(failed.length ? `result: ${failed.map((i) => i.ref).join(", ")} violated` : `result: every property holds on ${report.impls.map((i) => i.ref).join(", ")}`);
  return out.join("\n") + "\n";
}

function implText(impl: ImplResult): string[] {
  const lines = [`${impl.ref}  ${impl.title}${impl.base ? `  (base ${impl.base})` : ""}`];
  lines.push(...provenanceText(impl));
  for (const u of impl.unchecked ?? []) lines.push(`  ? unchecked: ${u.cells} cells not realised: ${u.reason} (e.g. ${u.sample[0]})`);
  for (const a of impl.agreement ?? []) lines.push(...agreementText(impl.ref, a));
  for (const p of impl.properties) lines.push(...propertyText(p));
  const c = impl.coverage;
  if (!c.judged) lines.push(`  coverage: not judged (run limited to some cells or properties)`);
  else if (c.complete) lines.push(`  ✓ rule coverage: ${c.hit}/${c.rules} rules hit (the rest marked unreachable)`.replace(" (the rest marked unreachable)", c.hit < c.rules ? " (the rest marked unreachable)" : ""));
  else {
    if (c.missed.length) lines.push(`  ✗ rule coverage: never hit: ${c.missed.join(", ")}`);
    if (c.unreachableHit.length) lines.push(`  ✗ rule coverage: marked unreachable but hit: ${c.unreachableHit.join(", ")}`);
  }
  // never a pass: a boundary no real code confirmed decided some verdict of this run
  for (const u of c.unmeasured ?? []) lines.push(`  ? unmeasured boundary: ${u.rule} (${u.why})`);
  lines.push(`  random pass: seed ${impl.random.seed}, ${impl.random.runs} runs per property${impl.random.failed ? ", found a failure" : ""}`);
  for (const note of impl.notes) lines.push(`  note: ${note}`);
  lines.push("");
  return lines;
}

/** Which steps real code decided and which the model did, so a verdict never hides its origin. */
function provenanceText(impl: ImplResult): string[] {
  const by = new Map<string, string[]>();
  for (const p of impl.provenance) by.set(p.decidedBy, [...(by.get(p.decidedBy) ?? []), p.step]);
  if (by.size === 1 && by.has("model")) return [`  decided by: the model (every step)`];
  return [`  decided by: ${[...by].map(([decider, steps]) => `${decider}: ${steps.join(", ")}`).join("; ")}`];
}

function agreementText(ref: string, a: NonNullable<ImplResult["agreement"]>[number]): string[] {
  if (a.status === "not-in-release") return [`  – agreement ${a.function}: ${a.note ?? "not in this release"}`];
  if (a.status === "agrees") return [`  ✓ agreement ${a.function} (${a.real}): model and release agree on all ${a.cells} inputs`];
  const ex = a.example!;
  return [
    // a live gateway's entries name what they were compared with in the function (live≡model:<v> [...])
    `  ✗ agreement ${a.function} (${a.real}): ${a.mismatches} of ${a.cells} inputs differ${ref.startsWith("live:") ? "" : ` from model:${ref.replace(/^openclaw@/, "")}`}`,
    `      input: ${JSON.stringify(ex.input)}`,
    `      model: ${JSON.stringify(ex.model)}   release: ${JSON.stringify(ex.release)}`,
    `      replay: ${ex.replay}`,
    ...(a.note ? [`      note: ${a.note}`] : []),
  ];
}

function propertyText(p: PropertyResult): string[] {
  if (p.status === "not-applicable") return [`  ${MARK[p.status]} ${p.id}: not applicable (${p.note})`];
  const head = p.status === "holds"
    ? `  ${MARK.holds} ${p.id}  (${p.cells} cells)`
    : `  ${MARK.violated} ${p.id}  ${p.violations} of ${p.cells} cells violate: ${p.statement}`;
  const lines = [head];
  if (p.counterexample) lines.push(`      counterexample:`, ...counterexampleLines(p.counterexample).map((l) => `        ${l}`));
  for (const key of p.moreViolations) lines.push(`      also: ${key}`);
  for (const u of p.unchecked ?? []) lines.push(`      ? unchecked on ${u.cells} cells: ${u.reason}`);
  // per-topology lines only when they say more than "holds everywhere"
  const topologies = (p.topologies ?? []).filter((t) => t.status !== "not-applicable");
  if (topologies.some((t) => t.status === "violated" || t.exempted)) {
    for (const t of topologies) {
      const what = t.violations ? `${t.violations} connection${t.violations === 1 ? "" : "s"} violate${t.violations === 1 ? "s" : ""}` : "holds";
      lines.push(`      ${MARK[t.status]} topology ${t.topology}: ${what}${t.exempted ? ` (${t.exempted} exempted)` : ""}`);
    }
  } else if (topologies.length) lines.push(`      holds in every topology: ${topologies.map((t) => t.topology).join(", ")}`);
  for (const e of p.exempted) lines.push(`      exempted by ${e.exception} (${e.cells} cells, e.g. ${e.sample[0]}): ${e.why}`);
  return lines;
}
