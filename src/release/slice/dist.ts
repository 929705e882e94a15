/**
 * A release's `dist/` folder: file listing, lazily read text and lazily parsed chunks, and
 * resolution of a binding to the declaration (or external module) it finally stands for.
 */
import { readdirSync, readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join, posix } from "node:path";
import { Chunk, type Unit } from "./chunk.ts";

/**
 * Folders holding second copies of gateway code (worker bundles, the plugin SDK, the native
 * hook relay, per-extension bundles) or browser assets. Their declarations are never picked as
 * roots, though imports may still lead into them.
 */
export const SHADOW_DIRS = ["worker/", "plugin-sdk/", "native-hook-relay/", "control-ui/", "extensions/"];

export const isShadowed = (rel: string): boolean => SHADOW_DIRS.some((d) => rel.startsWith(d));

export type Target =
  | { kind: "unit"; unit: Unit; local: string }
  | { kind: "external"; specifier: string; imported: string; builtin: boolean }
  | { kind: "namespace"; chunk: string }
  | { kind: "unresolved"; why: string };

export class Dist {
  /** Every script in the folder; `searchable` leaves out the shadow copies. */
  readonly files: string[];
  readonly searchable: string[];
  private readonly fileSet: Set<string>;
  private readonly texts = new Map<string, string>();
  private readonly chunks = new Map<string, Chunk>();

  constructor(readonly root: string) {
    this.files = listScripts(root, "");
    this.fileSet = new Set(this.files);
    this.searchable = this.files.filter((f) => !isShadowed(f));
  }

  has(rel: string): boolean {
    return this.fileSet.has(rel);
  }

  text(rel: string): string {
    let t = this.texts.get(rel);
    if (t === undefined) {
      t = readFileSync(join(this.root, rel), "utf8");
      this.texts.set(rel, t);
    }
    return t;
  }

  chunk(rel: string): Chunk {
    let c = this.chunks.get(rel);
    if (!c) {
      c = new Chunk(rel, this.text(rel));
      this.chunks.set(rel, c);
    }
    return c;
  }

  /** `./x.js` seen from `from` → dist-relative path, or undefined for bare/node specifiers. */
  relative(from: string, specifier: string): string | undefined {
    if (!specifier.startsWith(".")) return undefined;
    return posix.normalize(posix.join(posix.dirname(from), specifier));
  }

  /** What a top-level name of `file` stands for, following imports across chunks. */
  resolveLocal(file: string, local: string, seen = new Set<string>()): Target | undefined {
    const binding = this.chunk(file).binding(local);
    if (!binding) return undefined;
    if (binding.kind === "unit") return { kind: "unit", unit: binding.unit, local };
    return this.resolveImport(file, binding.source, binding.imported, seen);
  }

  resolveImport(file: string, source: string, imported: string, seen = new Set<string>()): Target {
    const rel = this.relative(file, source);
    if (rel === undefined) return { kind: "external", specifier: source, imported, builtin: isBuiltin(source) };
    if (!this.has(rel)) return { kind: "unresolved", why: `${file} imports missing chunk ${source}` };
    if (imported === "*") return { kind: "namespace", chunk: rel };
    return this.resolveExport(rel, imported, seen) ?? { kind: "unresolved", why: `${rel} does not export ${imported}` };
  }

  /** Follows `export {a as b}`, `export {a} from`, and `export *` until a declaration or external. */
  resolveExport(file: string, name: string, seen = new Set<string>()): Target | undefined {
    const key = `${file}#${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const chunk = this.chunk(file);
    const entry = chunk.exports.get(name);
    if (entry?.kind === "local") return this.resolveLocal(file, entry.local, seen);
    if (entry?.kind === "reexport") return this.resolveImport(file, entry.source, entry.imported, seen);
    if (name === "default") return undefined;
    for (const source of chunk.starSources) {
      const t = this.resolveImport(file, source, name, seen);
      if (t.kind !== "unresolved") return t;
    }
    return undefined;
  }
}

function listScripts(root: string, prefix: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      out.push(...listScripts(root, rel));
    } else if (/\.m?js$/.test(entry.name)) out.push(rel);
  }
  return out.sort();
}
