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
