/**
 * The gate report for people: one summary line, one line per open widening rule, the verdict.
 * The same facts as the JSON report; Markdown and JUnit render the same lines for CI.
 */
import type { GateBaseline } from "../engine/baseline.ts";
import type { GateReport } from "../engine/gate.ts";

export interface GateRun {
  report: GateReport;
  /** present when the run compared with a baseline. */
  baseline?: GateBaseline;
}

/** Narrowing (locking clients out) is its own failing class, accepted only with --allow-narrowing. */
export const narrowingFails = (r: GateReport): boolean => !r.allowNarrowing && r.narrowing.length > 0;

export const gateFailed = (run: GateRun): boolean => (run.baseline ? run.baseline.failed : run.report.unaccepted.length > 0) || narrowingFails(run.report);

export function gateCounts(r: GateReport): string {
  const accepted = r.widened.filter((w) => w.acceptedBy).length;
  return `${r.widened.length} cells widen (${accepted} accepted by the envelope), ${r.narrowed} narrow, ${r.otherChanges} other changes`;
}

export const gateSummary = (r: GateReport): string => `clawproof gate ${r.base} → ${r.head}: ${gateCounts(r)}`;

export function gateVerdict(run: GateRun): string {
  const widening = gateWideningVerdict(run);
  if (!narrowingFails(run.report)) return widening;
  return `${widening}\nresult: the change narrows access (${run.report.narrowed} cells lose what the base granted; --allow-narrowing to accept)`;
}

function gateWideningVerdict(run: GateRun): string {
  if (run.baseline) {
    const b = run.baseline;
    if (b.failed) return `result: the change widens access outside its envelope (${b.fresh.length} cells new, ${b.preExisting.length} pre-existing in ${b.baseline})`;
    return b.preExisting.length
      ? `result: no new widening (${b.preExisting.length} cells widen outside the envelope in ${b.baseline} too: pre-existing)`
      : "result: within the envelope";
  }
  return run.report.unaccepted.length ? "result: the change widens access outside its envelope" : "result: within the envelope";
}

export function gateText(run: GateRun): string {
  const lines = [gateSummary(run.report)];
  for (const u of run.report.unaccepted) lines.push(`  ✗ ${u.from}  →  ${u.to}   when ${u.when}   [${u.cells}]`);
  for (const n of run.report.narrowing) lines.push(`  ${run.report.allowNarrowing ? "↓" : "✗ narrows:"} ${n.from}  →  ${n.to}   when ${n.when}   [${n.cells}]`);
  if (run.baseline?.fresh.length) lines.push(`  new, e.g. ${run.baseline.fresh[0]}`);
  lines.push(gateVerdict(run));
  return lines.join("\n") + "\n";
}

export function gateJson(run: GateRun): string {
  return JSON.stringify({ ...run.report, ...(run.baseline ? { baseline: run.baseline } : {}), failed: gateFailed(run) }, null, 2) + "\n";
}
