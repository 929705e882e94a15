/** The gate report as JUnit XML: one test case per open widening rule, or one passing case. */
import { gateVerdict, narrowingFails, type GateRun } from "./gate-text.ts";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function gateJunit(run: GateRun): string {
  const r = run.report;
  const pre = new Set(run.baseline?.preExisting ?? []);
  const replay = `replay: npx clawproof gate ${r.base} ${r.head}`;
  const widening = r.unaccepted.map((u) => ({ name: `widens: ${u.from} → ${u.to} when ${u.when}`, body: `${u.cells} cells; ${replay}` }));
  const narrowing = r.narrowing.map((n) => ({ name: `narrows: ${n.from} → ${n.to} when ${n.when}`, body: `${n.cells} cells; ${replay}` }));
  const cases = [...widening, ...narrowing];
  // with a baseline, widening rules whose every cell is pre-existing are reported but do not fail;
  // narrowing fails unless --allow-narrowing accepted it
  const failing = [...(run.baseline && !run.baseline.fresh.length ? [] : widening), ...(narrowingFails(r) ? narrowing : [])];
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = Math.max(cases.length, 1);
  lines.push(`<testsuites name="clawproof gate" tests="${total}" failures="${failing.length}" errors="0">`);
  lines.push(`  <testsuite name="${escape(`${r.base} → ${r.head}`)}" tests="${total}" failures="${failing.length}" errors="0" skipped="${cases.length - failing.length}">`);
  if (!cases.length) lines.push(`    <testcase classname="gate" name="no widening outside the envelope, no narrowing"/>`);
  for (const c of cases) {
    lines.push(`    <testcase classname="gate" name="${escape(c.name)}">`);
    if (failing.includes(c)) lines.push(`      <failure message="${escape(gateVerdict(run))}">${escape(c.body)}</failure>`);
    else lines.push(`      <skipped message="${escape(narrowing.includes(c) ? "narrowing accepted by --allow-narrowing" : `pre-existing in ${run.baseline!.baseline} (${pre.size} cells)`)}"/>`);
    lines.push("    </testcase>");
  }
  lines.push("  </testsuite>", "</testsuites>", "");
  return lines.join("\n");
}
