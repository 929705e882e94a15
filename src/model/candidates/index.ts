import type { Candidate } from "./candidate.ts";
import { PR_48285 } from "./pr-48285.ts";

/** Every candidate `model:<id>` can name. Adding one is a file next to this plus a line here. */
export const CANDIDATES: readonly Candidate[] = [PR_48285];

export function findCandidate(id: string): Candidate | undefined {
  return CANDIDATES.find((c) => c.id === id);
}
