/**
 * The operations a program (or a test suite) runs, by reference or on implementations it holds:
 * resolve, check, diff, gate, decide. Each is what the CLI command of the same name does,
 * without printing or exiting; exit codes are for the CLI, values for code.
 */
import { parseCellPattern } from "../domain/cell-key.ts";
import type { Cell } from "../domain/cell.ts";
import { CannotCheckError } from "../domain/errors.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { BaselineReport } from "../engine/baseline.ts";
import { withBaseInReplays } from "../engine/baseline.ts";
import { checkImplementation, type CheckOptions } from "../engine/check.ts";
import { DEFAULT_SEED } from "../engine/random.ts";
import { diffImplementations, type DiffReport } from "../engine/diff.ts";
import { EnvelopeSchema, gate as gateEngine, type Envelope, type GateOptions, type GateReport } from "../engine/gate.ts";
import type { AnyProperty } from "../engine/property.ts";
import type { ImplResult } from "../engine/results.ts";
import type { Implementation } from "../impl/implementation.ts";
import { resolveImplementation } from "../impl/resolve-ref.ts";
import { ACCEPTED_EXCEPTIONS, findProperty, PROPERTIES } from "../../properties/index.ts";
import { AUTO, autoBaseRef, baselineReports, baseResolver } from "./base.ts";

export type ImplLike = Implementation | string;

export interface ResolveOptions {
  /** seed of a release's random differential part; the same seed gives the same implementation. */
  seed?: number;
  onProgress?: (message: string) => void;
}

/** `model:<v|candidate>`, `openclaw@<v>`, `path:<dir>` (built or not), `live:<v>` → an implementation. */
export function resolve(ref: string, opts: ResolveOptions = {}): Promise<Implementation> {
  return resolveImplementation(ref, opts);
}

const implOf = (x: ImplLike, opts: ResolveOptions = {}): Promise<Implementation> => (typeof x === "string" ? resolve(x, opts) : Promise.resolve(x));

export interface CheckApiOptions {
  /** property ids; all properties when absent. An unknown id is a CannotCheckError. */
  properties?: readonly string[];
  /** limit to cells matching this key pattern (`role=node,loc=local`). */
  cells?: string;
  /** base for relational properties: a ref, an implementation, or `auto` (a checkout's own release). */
  base?: ImplLike;
  /** violations this implementation has too are pre-existing (see `baseline` in the result). */
  baseline?: string;
  seed?: number;
}

export interface CheckApiResult extends ImplResult {
  /** present with `baseline`: which violations are new (only those fail). */
  baseline?: BaselineReport;
  /** true when the check fails: a violation (a new one, with a baseline). */
  failed: boolean;
}

export function propertiesById(ids?: readonly string[]): readonly AnyProperty[] {
  if (!ids) return PROPERTIES;
  return ids.map((id) => findProperty(id) ?? fail(`unknown property "${id}"`));
}

export async function check(target: ImplLike, opts: CheckApiOptions = {}): Promise<CheckApiResult> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const impl = await implOf(target, { seed });
  const properties = propertiesById(opts.properties);
  const base = typeof opts.base === "object" ? opts.base : await (await baseResolver(opts.base))(impl);
  const options: CheckOptions = { properties, exceptions: ACCEPTED_EXCEPTIONS, seed, ...(opts.cells ? { cells: parseCellPattern(opts.cells) } : {}) };
  const raw = checkImplementation(impl, { ...options, ...(base ? { base } : {}) });
  const result = typeof opts.base === "string" ? withBaseInReplays(raw, properties, opts.base) : raw;
  if (!opts.baseline) return { ...result, failed: result.status === "violated" };
  const [baseline] = await baselineReports(opts.baseline, [{ impl, result: raw, ...(base ? { base } : {}) }], options);
  return { ...result, baseline: baseline!, failed: baseline!.failed };
}

export async function diff(base: ImplLike, head: ImplLike): Promise<DiffReport> {
  return diffImplementations(await implOf(base), await implOf(head));
}

/** Widenings of `head` over `base` outside the envelope, and narrowings (failing unless `allowNarrowing`); `base: "auto"` is the head checkout's own release. */
export async function gate(base: ImplLike, head: ImplLike, envelope?: Envelope, options: GateOptions = {}): Promise<GateReport> {
  const h = await implOf(head);
  const b = base === AUTO ? await resolve(autoBaseRef(h) ?? fail(`base auto: ${h.ref} names no base`)) : await implOf(base);
  return gateEngine(b, h, envelope ? EnvelopeSchema.parse(envelope) : undefined, options);
}

export function decide(impl: Implementation, cell: Cell): Verdict {
  return impl.decide(cell);
}

function fail(message: string): never {
  throw new CannotCheckError(message);
}
