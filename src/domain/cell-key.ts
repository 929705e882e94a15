import { APPENDED_FIELDS, CELL_FIELDS, CellSchema, type Cell, type CellField } from "./cell.ts";
import { exclusionOf } from "./validity.ts";
import { keyParts, showKeyValue } from "./key-codec.ts";

/**
 * A cell key is `field=value` pairs joined by commas, in CELL_FIELDS order, e.g.
 * `role=node,client=cli,device=none,auth=token,cred=secret-ok,loc=local,origin=none,insecure=0,ddda=0`.
 * Shell-safe, stable across releases of clawproof, and readable in a report.
 */
const SHORT: Record<CellField, string> = {
  role: "role",
  client: "client",
  device: "device",
  authMode: "auth",
  credential: "cred",
  locality: "loc",
  origin: "origin",
  allowInsecureAuth: "insecure",
  dangerouslyDisableDeviceAuth: "ddda",
  upgrade: "upgrade",
  forwarded: "fwd",
  hostHeader: "host",
  withDeviceToken: "dtok",
  proxySocket: "psock",
};
const LONG = new Map<string, CellField>(
  Object.entries(SHORT).flatMap(([long, short]) => [[short, long as CellField], [long, long as CellField]]),
);

const show = showKeyValue;
const read = (value: string) => (value === "1" || value === "true" ? true : value === "0" || value === "false" ? false : value);

/** An appended field at its default is left out, so a key means what it meant before the field existed. */
const atDefault = (name: CellField, value: unknown) => APPENDED_FIELDS.has(name) && value === CELL_FIELDS.find(([f]) => f === name)![1][0];

export function cellKey(cell: Cell): string {
  return CELL_FIELDS.filter(([name]) => !atDefault(name, cell[name])).map(([name]) => `${SHORT[name]}=${show(cell[name])}`).join(",");
}

export type CellPattern = Partial<Cell>;

/**
 * Parses a full or partial key; a partial key is a pattern that selects every cell it matches.
 * An empty key and a field named twice (`auth=token,authMode=none`) are errors, not "every cell".
 */
export function parseCellPattern(key: string): CellPattern {
  const pattern: Record<string, unknown> = {};
  for (const [field, value, part] of keyParts("cell", key, (n) => LONG.get(n), Object.values(SHORT).join(", "))) {
    const allowed = CELL_FIELDS.find(([f]) => f === field)![1] as readonly unknown[];
    const parsed = read(value);
    if (!allowed.includes(parsed)) {
      throw new Error(`bad cell key part "${part}": ${SHORT[field as CellField]} is one of ${allowed.map(show).join("|")}`);
    }
    pattern[field] = parsed;
  }
  return pattern as CellPattern;
}

/** Parses a full key into a valid cell, or explains why it is not one. */
export function parseCellKey(key: string): Cell {
  const parsed = CellSchema.safeParse(parseCellPattern(key));
  if (!parsed.success) {
    const missing = CELL_FIELDS.filter(([f]) => !APPENDED_FIELDS.has(f) && !(f in parseCellPattern(key))).map(([f]) => SHORT[f]);
    throw new Error(`cell key is incomplete: missing ${missing.join(", ")}`);
  }
  const excluded = exclusionOf(parsed.data);
  if (excluded) throw new Error(`cell is not a valid connect (${excluded.id}): ${excluded.why}`);
  return parsed.data;
}

export function matchesPattern(cell: Cell, pattern: CellPattern): boolean {
  return Object.entries(pattern).every(([field, value]) => cell[field as CellField] === value);
}

/** A pattern as the partial key that parses back to it (fields in key order). */
export function patternKey(pattern: CellPattern): string {
  return CELL_FIELDS.filter(([name]) => name in pattern).map(([name]) => `${SHORT[name]}=${show(pattern[name])}`).join(",");
}
