import { parseCellPattern } from "../domain/cell-key.ts";
import { CannotCheckError } from "../domain/errors.ts";
import type { ImplResult } from "../engine/results.ts";
import { resolveImplementation } from "../impl/resolve-ref.ts";
import { baseResolver } from "../api/base.ts";
import { checkOrReuse } from "./checked.ts";
import { ACCEPTED_EXCEPTIONS, findProperty, PROPERTIES } from "../../properties/index.ts";

/** One implementation's check as plain data, so it can run on another thread and come back by structured clone. */
export interface CheckJob {
  ref: string;
  seed: number;
  property?: string;
  cell?: string;
  connection?: string;
  base?: string;
}

/** Resolves and checks one implementation: what `check` does per ref, as a pure function of the job. */
export async function runCheckJob(job: CheckJob): Promise<ImplResult> {
  const property = job.property === undefined ? undefined : findProperty(job.property);
  if (job.property !== undefined && !property) throw new CannotCheckError(`unknown property "${job.property}"`);
  const impl = await resolveImplementation(job.ref, { seed: job.seed });
  const base = await (await baseResolver(job.base))(impl);
  return checkOrReuse(impl, {
    properties: property ? [property] : PROPERTIES,
    exceptions: ACCEPTED_EXCEPTIONS,
    ...(job.cell !== undefined ? { cells: parseCellPattern(job.cell) } : {}),
    ...(job.connection !== undefined ? { connections: job.connection } : {}),
    seed: job.seed,
    ...(base ? { base } : {}),
  });
}
