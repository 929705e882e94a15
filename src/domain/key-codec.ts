/**
 * Stable, shell-safe keys for the finite domains (connects, auth cells, connections): `name=value`
 * pairs joined by commas, booleans as 1/0. One codec so every domain's keys read and fail alike.
 */
export type KeyField = readonly [field: string, short: string, values: readonly unknown[]];

export const showKeyValue = (value: unknown) => (value === true ? "1" : value === false ? "0" : String(value));

export interface KeyCodec<T> {
  key(item: T): string;
  /** every field must be present, once, with one of its values; `what` names the domain in errors. */
  parse(key: string): T;
}

export function keyCodec<T>(what: string, fields: readonly KeyField[]): KeyCodec<T> {
  return {
    key: (item) => fields.map(([field, short]) => `${short}=${showKeyValue((item as Record<string, unknown>)[field])}`).join(","),
    parse: (key) => {
      const parts = new Map(key.split(",").map((p) => p.split("=") as [string, string]));
      const item: Record<string, unknown> = {};
      for (const [field, short, values] of fields) {
        const value = values.find((v) => showKeyValue(v) === parts.get(short));
        if (value === undefined) throw new Error(`${what} key "${key}": ${short} must be one of ${values.map(showKeyValue).join("|")}`);
        item[field] = value;
      }
      if (parts.size !== fields.length) throw new Error(`${what} key "${key}": unknown or repeated fields`);
      return item as T;
    },
  };
}
