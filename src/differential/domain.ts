import { keyCodec, type KeyField } from "../domain/key-codec.ts";

/**
 * A finite input domain: the fields (in the one field-tuple order of the key codec: field, short
 * name, values), the combinations excluded on purpose, and a stable key. A differential run
 * enumerates it whole, so every input a release is judged on is one of these.
 */
export interface FiniteDomain<T> {
  /** how errors and reports name the domain, e.g. "evaluateMissingDeviceIdentity input". */
  what: string;
  fields: readonly KeyField[];
  /** why an input is left out, or undefined when it is in the domain. */
  excluded(input: T): string | undefined;
  /** every input once, in field order (the product walked as a mixed-radix number), exclusions removed. */
  enumerate(): T[];
  key(input: T): string;
  parse(key: string): T;
}

/** A domain over independent fields; `excluded` names the combinations left out and why. */
export function finiteDomain<T>(what: string, fields: readonly KeyField[], excluded: (input: T) => string | undefined = () => undefined): FiniteDomain<T> {
  const codec = keyCodec<T>(what, fields);
  let all: T[] | undefined;
  return {
    what,
    fields,
    excluded,
    enumerate: () => {
      if (!all) {
        let partial: Record<string, unknown>[] = [{}];
        for (const [field, , values] of fields) partial = partial.flatMap((p) => values.map((v) => ({ ...p, [field]: v })));
        all = (partial as T[]).filter((input) => excluded(input) === undefined);
      }
      return [...all];
    },
    key: codec.key,
    parse: codec.parse,
  };
}

/** Fields whose short name is the field's own (the policy functions' parameters). */
export const named = (fields: readonly (readonly [field: string, values: readonly unknown[]])[]): KeyField[] =>
  fields.map(([field, values]) => [field, field, values] as const);
