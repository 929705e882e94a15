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
  /** some fields, each once, with one of its values: a pattern selecting every item it matches; never empty. */
  pattern(key: string): Partial<T>;
}

/**
 * Splits `name=value,…` into pairs, refusing what would silently select something else: an
 * empty key, a part without `=`, and a field named twice (`lookup` maps aliases to one field).
 */
export function keyParts(what: string, key: string, lookup: (name: string) => string | undefined, names: string): [field: string, value: string, part: string][] {
  const parts = key.split(",").map((p) => p.trim()).filter(Boolean);
  if (!parts.length) throw new Error(`${what} key is empty: give name=value parts (${names})`);
  const seen = new Set<string>();
  return parts.map((part) => {
    const [name, value, ...extra] = part.split("=");
    const field = name === undefined ? undefined : lookup(name);
    if (!field || value === undefined || extra.length > 0) throw new Error(`bad ${what} key part "${part}": expected one of ${names} as name=value`);
    if (seen.has(field)) throw new Error(`${what} key "${key}" names ${name} twice`);
    seen.add(field);
    return [field, value, part];
  });
}

export function keyCodec<T>(what: string, fields: readonly KeyField[]): KeyCodec<T> {
  const byShort = new Map(fields.map((f) => [f[1], f] as const));
  const names = fields.map(([, short]) => short).join(", ");
  const pattern = (key: string): Partial<T> => {
    const item: Record<string, unknown> = {};
    for (const [short, shown, part] of keyParts(what, key, (n) => (byShort.has(n) ? n : undefined), names)) {
      const [field, , values] = byShort.get(short)!;
      const value = values.find((v) => showKeyValue(v) === shown);
      if (value === undefined) throw new Error(`bad ${what} key part "${part}": ${short} must be one of ${values.map(showKeyValue).join("|")}`);
      item[field] = value;
    }
    return item as Partial<T>;
  };
  return {
    key: (item) => fields.map(([field, short]) => `${short}=${showKeyValue((item as Record<string, unknown>)[field])}`).join(","),
    pattern,
    parse: (key) => {
      const item = pattern(key) as Record<string, unknown>;
      const missing = fields.filter(([field]) => !(field in item)).map(([, short]) => short);
      if (missing.length) throw new Error(`${what} key "${key}" is incomplete: missing ${missing.join(", ")}`);
      return item as T;
    },
  };
}
