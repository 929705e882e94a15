import { CannotCheckError } from "../../domain/errors.ts";
import type { FiniteDomain } from "../../differential/domain.ts";
import type { KeyField } from "../../domain/key-codec.ts";
import type { ModelAt } from "../../model/model-at.ts";
import { modelFunctions } from "../../model/model-at.ts";
import type { PolicyFunctionName, PolicyFunctions } from "../../model/policy-functions.ts";

/** A release's policy function evaluated once on its whole domain: its export and its answer per input key. */
export interface PolicyTable {
  real: string;
  answers: Record<string, unknown>;
  domain: FiniteDomain<Record<string, unknown>>;
}

/**
 * An input's position in the product of its fields' values (a mixed-radix number, fields in key
 * order), or -1 for a value outside them: a table lookup that builds no key string.
 */
export function productIndex(fields: readonly KeyField[]): (input: object) => number {
  const positions = fields.map(([field, , values]) => ({ field, at: new Map(values.map((v, i) => [v, i])), size: values.length }));
  return (input) => {
    let index = 0;
    for (const { field, at, size } of positions) {
      const i = at.get((input as Record<string, unknown>)[field]);
      if (i === undefined) return -1;
      index = index * size + i;
    }
    return index;
  };
}

/**
 * The handshake asks a table hundreds of thousands of times per check, so answers are indexed by
 * the input's position in the domain's product (a mixed-radix number over the fields' values)
 * rather than by building its key string; an input outside the domain is "cannot check".
 */
function indexed(table: PolicyTable, ref: string) {
  const indexOf = productIndex(table.domain.fields);
  const answers: unknown[] = [];
  const hits: string[] = [];
  for (const input of table.domain.enumerate()) {
    const value = table.answers[table.domain.key(input)];
    const i = indexOf(input);
    answers[i] = value;
    hits[i] = `openclaw:${table.real}=${typeof value === "object" ? JSON.stringify(value) : String(value)}`;
  }
  return (input: Record<string, unknown>, hit: (id: string) => void): unknown => {
    const i = indexOf(input);
    const value = i < 0 ? undefined : answers[i];
    if (value === undefined) throw new CannotCheckError(`${table.real} of ${ref} was not tabulated for ${table.domain.key(input)}`);
    hit(hits[i]!);
    if (typeof value === "object" && value !== null && "error" in value) throw new Error(`${table.real} threw: ${(value as { error: string }).error}`);
    return value;
  };
}

/**
 * The release's functions where it has them, the model's elsewhere (inline code the model stands in for).
 * The handshake asks for them once per cell, with that cell's hit counter: they are built once and
 * report to whichever counter asked last, which is the running handshake's (it runs synchronously
 * from start to verdict, so no two counters are ever in use at once). Building them per cell cost
 * sixteen closures per cell, tens of thousands of times per check.
 */
export function mixedFunctions(model: ModelAt, tables: Partial<Record<PolicyFunctionName, PolicyTable>>, ref: string) {
  const lookups = (Object.entries(tables) as [PolicyFunctionName, PolicyTable][]).map(([fn, table]) => [fn, indexed(table, ref)] as const);
  let current: (id: string) => void = () => {};
  const relay = (id: string) => current(id);
  const mixed = { ...modelFunctions(model, relay) } as Record<PolicyFunctionName, (i: unknown) => unknown>;
  for (const [fn, lookup] of lookups) mixed[fn] = (input) => lookup(input as Record<string, unknown>, relay);
  return (hit: (id: string) => void): PolicyFunctions => {
    current = hit;
    return mixed as unknown as PolicyFunctions;
  };
}
