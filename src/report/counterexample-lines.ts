import { showVerdict } from "../domain/verdict.ts";
import type { Counterexample } from "../engine/results.ts";

/** A counterexample as plain lines, shared by every report format. */
export function counterexampleLines(ce: Counterexample): string[] {
  const lines: string[] = [];
  if (ce.topology) {
    lines.push(`topology: ${ce.topology}`, `connection: ${ce.connection}`, `request: ${JSON.stringify(ce.request)}`, `observed: ${ce.observed}`);
  }
  if (ce.key) lines.push(`connect: ${ce.key}`);
  lines.push(ce.message);
  if (ce.verdict) lines.push(`verdict: ${showVerdict(ce.verdict)}`);
  for (const w of ce.witnesses) lines.push(`${w.label}: ${w.key}`, `  verdict: ${showVerdict(w.verdict)}`);
  if (ce.seed !== undefined) lines.push(`seed ${ce.seed}, path ${ce.path}`);
  lines.push(`replay: ${ce.replay}`);
  return lines;
}
