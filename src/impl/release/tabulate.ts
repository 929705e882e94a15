import { CannotCheckError } from "../../domain/errors.ts";
import { FUNCTION_DOMAINS, enumerateInputs, inputKey } from "../../model/function-domains.ts";
import type { ModelAt } from "../../model/model-at.ts";
import { modelFunctions } from "../../model/model-at.ts";
import type { PolicyFunctionName, PolicyFunctions } from "../../model/policy-functions.ts";
import type { ReleaseSlice } from "../../release/load.ts";
import type { RealAdapter } from "./adapters/adapter.ts";
import { callReplay, type Agreement } from "./agreement.ts";

/** A release function evaluated once on its whole abstract domain: a lookup table plus its agreement with the model. */
export interface Tabulated {
  lookup(input: Record<string, unknown>): unknown;
  agreement: Agreement;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function tabulate(fn: PolicyFunctionName, adapter: RealAdapter, slice: ReleaseSlice, model: ModelAt, ref: string): Promise<Tabulated> {
  const fields = FUNCTION_DOMAINS[fn](model.version);
  const inputs = enumerateInputs(fields);
  const results = await slice.call(adapter.real, inputs.map((i) => adapter.toArgs(i)));
  const modelFn = modelFunctions(model)[fn] as (i: unknown) => unknown;
  const table = new Map<string, unknown>();
  let mismatches = 0;
  let example: Agreement["example"];
  inputs.forEach((input, n) => {
    const result = results[n]!;
    const value = result.ok ? adapter.fromResult(result.value) : { error: result.error };
    table.set(inputKey(input, fields), value);
    const expected = modelFn(input);
    if (same(expected, value)) return;
    mismatches++;
    example ??= {
      input,
      model: expected,
      release: value,
      replay: callReplay(ref, adapter.real, adapter.toArgs(input)),
    };
  });
  return {
    lookup: (input) => {
      const value = table.get(inputKey(input, fields));
      if (value === undefined) throw new CannotCheckError(`${adapter.real} of ${ref} was not tabulated for ${inputKey(input, fields)}`);
      return value;
    },
    agreement: {
      function: fn, real: adapter.real, shape: adapter.shape, status: mismatches ? "mismatch" : "agrees",
      cells: inputs.length, mismatches, ...(example ? { example } : {}),
    },
  };
}

export type RealTables = Partial<Record<PolicyFunctionName, Tabulated>>;

/** The release's functions where it has them, the model's elsewhere (inline code the model stands in for). */
export function mixedFunctions(model: ModelAt, tables: RealTables, names: Partial<Record<PolicyFunctionName, string>>) {
  return (hit: (id: string) => void): PolicyFunctions => {
    const fromModel = modelFunctions(model, hit);
    const mixed = { ...fromModel } as Record<PolicyFunctionName, (i: unknown) => unknown>;
    for (const [fn, table] of Object.entries(tables) as [PolicyFunctionName, Tabulated][]) {
      mixed[fn] = (input) => {
        const value = table.lookup(input as Record<string, unknown>);
        hit(`openclaw:${names[fn]}=${typeof value === "object" ? JSON.stringify(value) : String(value)}`);
        if (typeof value === "object" && value !== null && "error" in value) throw new Error(`${names[fn]} threw: ${(value as { error: string }).error}`);
        return value;
      };
    }
    return mixed as unknown as PolicyFunctions;
  };
}
