import type { VersionRange } from "../../../domain/versions.ts";
import type { PolicyFunctionName } from "../../../model/policy-functions.ts";
import type { Signature } from "../signature.ts";

/**
 * Drives one OpenClaw export of one parameter shape from the abstract vocabulary and back.
 * `releases` records which published releases were seen with this shape; adapters are chosen by
 * the sliced function's signature, the range only picks a shape when a model answers `call`.
 */
export interface RealAdapter<In = any, Out = any> {
  real: string;
  abstract: PolicyFunctionName;
  shape: string;
  releases: VersionRange;
  matches(sig: Signature): boolean;
  toArgs(input: In): unknown[];
  fromResult(value: unknown): Out;
  fromArgs(args: unknown[]): In;
  toResult(out: Out, input: In): unknown;
}

/** One object parameter whose fields read are all ones the adapter sets. */
export function objectParamReading(known: readonly string[]) {
  return (sig: Signature) => sig.params.length === 1 && sig.reads[0]!.every((f) => known.includes(f));
}

/** Positional parameters by name; a leading underscore (an argument kept but unused) still matches. */
export function positional(...names: string[]) {
  return (sig: Signature) =>
    sig.params.length === names.length && names.every((n, i) => n === "*" || sig.params[i]!.replace(/^_/, "") === n);
}

export function expectBoolean(fn: string, value: unknown): boolean {
  if (typeof value !== "boolean") throw new Error(`${fn} returned ${JSON.stringify(value)}, expected a boolean`);
  return value;
}

export const obj = (args: unknown[], at = 0) => (args[at] ?? {}) as Record<string, any>;
