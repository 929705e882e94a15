import { z } from "zod";

/** Per-function differential result: the release's function against the model's, on its whole domain. */
export const AgreementSchema = z.object({
  function: z.string(),
  /** the OpenClaw export that answered, or absent when the release has none. */
  real: z.string().optional(),
  shape: z.string().optional(),
  status: z.enum(["agrees", "mismatch", "not-in-release"]),
  cells: z.number(),
  mismatches: z.number(),
  example: z
    .object({ input: z.record(z.string(), z.unknown()), model: z.unknown(), release: z.unknown(), replay: z.string() })
    .optional(),
  note: z.string().optional(),
});
export type Agreement = z.infer<typeof AgreementSchema>;

/** Adds a second run of the same functions (e.g. random spellings) to the exhaustive one. */
export function mergeAgreements(base: readonly Agreement[], extra: readonly Agreement[]): Agreement[] {
  const merged = base.map((a) => ({ ...a }));
  for (const e of extra) {
    const into = merged.find((a) => a.function === e.function);
    if (!into) {
      merged.push(e);
      continue;
    }
    into.cells += e.cells;
    into.mismatches += e.mismatches;
    if (e.status === "mismatch") {
      into.status = "mismatch";
      into.example ??= e.example;
    }
    if (e.note) into.note = into.note ? `${into.note}; ${e.note}` : e.note;
  }
  return merged;
}

/** The command that reproduces one call; single quotes in the JSON are closed and escaped for the shell. */
export function callReplay(ref: string, fn: string, args: unknown[]): string {
  return `npx clawproof call ${ref} ${fn} --args '${JSON.stringify(args).replaceAll("'", `'\\''`)}'`;
}

export interface Disagreement {
  input: Record<string, unknown>;
  model: unknown;
  release: unknown;
  /** the release-shaped arguments, for the replay command. */
  args: unknown[];
}

/** An agreement entry from a differential run: counts, and the first disagreement with its replay. */
export function agreementFrom(run: {
  function: string;
  real: string;
  shape: string;
  ref: string;
  cells: number;
  disagreements: readonly Disagreement[];
  note?: string;
}): Agreement {
  const first = run.disagreements[0];
  return {
    function: run.function,
    real: run.real,
    shape: run.shape,
    status: first ? "mismatch" : "agrees",
    cells: run.cells,
    mismatches: run.disagreements.length,
    ...(first ? { example: { input: first.input, model: first.model, release: first.release, replay: callReplay(run.ref, run.real, first.args) } } : {}),
    ...(run.note ? { note: run.note } : {}),
  };
}
