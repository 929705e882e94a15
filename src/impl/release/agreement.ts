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
