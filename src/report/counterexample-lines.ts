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
  // beside a topology the connect's own verdict uses the locality the cell states, not what the
  // topology delivered, so it is labelled as such rather than read as the connection's outcome
  if (ce.verdict) lines.push(`${ce.topology ? "verdict of the connect with its own locality" : "verdict"}: ${showVerdict(ce.verdict)}`);
  for (const w of ce.witnesses) lines.push(`${w.label}: ${w.key}`, `  verdict: ${showVerdict(w.verdict)}`);
  if (ce.seed !== undefined) lines.push(`seed ${ce.seed}, path ${ce.path}`);
  lines.push(`replay: ${ce.replay}`);
  return lines;
}
