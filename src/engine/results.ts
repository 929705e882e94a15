import { z } from "zod";
import { CellSchema } from "../domain/cell.ts";
import { VerdictSchema } from "../domain/verdict.ts";
import { AgreementSchema } from "../differential/agreement.ts";
import { DECIDERS } from "../impl/implementation.ts";

/** Report shapes are zod schemas so JSON output is validated and consumers can import the types. */
export const WitnessSchema = z.object({ label: z.string(), cell: CellSchema, key: z.string(), verdict: VerdictSchema });

export const CounterexampleSchema = z.object({
  /** the connect (absent for properties of the locality layer alone). */
  cell: CellSchema.optional(),
  key: z.string().optional(),
  verdict: VerdictSchema.optional(),
  /** ground-truth properties: the deployment topology, the concrete connection and what the gateway made of it. */
  topology: z.string().optional(),
  connection: z.string().optional(),
  request: z.record(z.string(), z.unknown()).optional(),
  observed: z.string().optional(),
  message: z.string(),
  witnesses: z.array(WitnessSchema),
  replay: z.string(),
  /** set when the counterexample came from a seeded random run rather than the exhaustive pass. */
  seed: z.number().optional(),
  path: z.string().optional(),
});

export const ExemptionSchema = z.object({
  exception: z.string(),
  why: z.string(),
  cells: z.number(),
  sample: z.array(z.string()),
});

export const PropertyResultSchema = z.object({
  id: z.string(),
  statement: z.string(),
  status: z.enum(["holds", "violated", "not-applicable"]),
  /** cells the property was checked on. */
  cells: z.number(),
  violations: z.number(),
  counterexample: CounterexampleSchema.optional(),
  /** more violating cells, one per auth mode and locality, so a reviewer sees the spread at a glance. */
  moreViolations: z.array(z.string()),
  /** cells that passed only through an accepted exception, per exception. */
  exempted: z.array(ExemptionSchema),
  /** ground-truth properties: the result per deployment topology (violations and exempted count connections). */
  topologies: z
    .array(z.object({ topology: z.string(), status: z.enum(["holds", "violated", "not-applicable"]), cells: z.number(), violations: z.number(), exempted: z.number() }))
    .optional(),
  /** cells this property could not be checked on, per reason (an implementation that cannot realise them). */
  unchecked: z.array(z.object({ reason: z.string(), cells: z.number() })).optional(),
  note: z.string().optional(),
});

export const CoverageSchema = z.object({
  rules: z.number(),
  hit: z.number(),
  missed: z.array(z.string()),
  unreachableHit: z.array(z.string()),
  complete: z.boolean(),
  /** rules marked unmeasured that decided a cell of this run: their boundary is read or inferred, not run on real code. */
  unmeasured: z.array(z.object({ rule: z.string(), why: z.string() })).optional(),
  /** false when the run was limited to some cells or properties, so coverage was not judged. */
  judged: z.boolean(),
});

export const RandomRunSchema = z.object({ seed: z.number(), runs: z.number(), failed: z.boolean() });

export const ImplResultSchema = z.object({
  ref: z.string(),
  kind: z.string(),
  version: z.string(),
  era: z.string(),
  title: z.string(),
  base: z.string().optional(),
  status: z.enum(["holds", "violated"]),
  properties: z.array(PropertyResultSchema),
  coverage: CoverageSchema,
  random: RandomRunSchema,
  /** sliced releases only: each policy function against the era model on its whole domain. */
  agreement: z.array(AgreementSchema).optional(),
  /** sliced code only: every `node:` and bare import the slices pulled in. */
  imports: z.object({ node: z.array(z.string()), bare: z.array(z.string()) }).optional(),
  /** every handshake step and what decided it: model, sliced code, a checkout's sources, or a live gateway. */
  provenance: z.array(z.object({ step: z.string(), decidedBy: z.enum(DECIDERS), detail: z.string() })),
  /** cells of the selected domain the implementation could not decide, per reason: unchecked, never holding. */
  unchecked: z.array(z.object({ reason: z.string(), cells: z.number(), sample: z.array(z.string()) })).optional(),
  notes: z.array(z.string()),
});

export const CheckReportSchema = z.object({
  tool: z.literal("clawproof"),
  command: z.literal("check"),
  impls: z.array(ImplResultSchema),
});

export type Counterexample = z.infer<typeof CounterexampleSchema>;
export type PropertyResult = z.infer<typeof PropertyResultSchema>;
export type ImplResult = z.infer<typeof ImplResultSchema>;
export type CheckReport = z.infer<typeof CheckReportSchema>;
