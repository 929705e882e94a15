/**
 * One bundle chunk, parsed lazily. Chunks reach 6 MB and acorn reads ~7 MB/s, while a slice
 * needs a handful of declarations from each; so the chunk is cut into top-level segments at
 * column-0 lines (rolldown's output indents everything nested) and only the segments that
 * declare a wanted name are parsed. A cut inside a multi-line template literal makes a segment
 * unparseable; such segments are merged with their neighbours, and a name the index cannot
 * place (that is not a global either) triggers one full parse as the fallback.
 */
import { Parser } from "acorn";
import { freeRefs, patternNames, patternSites, type AnyNode, type Ref } from "./scope.ts";
import { regionAt } from "./regions.ts";

/** A top-level declaration that can be copied on its own. */
export interface Unit {
  chunk: string;
  /** Text the node positions index into (a segment of the chunk, or the whole chunk). */
  source: string;
  node: AnyNode;
  kind: "function" | "class" | "declarator" | "default";
  /** `const`/`let`/`var` for declarators. */
  keyword?: string;
  /** Names this unit binds at module level (a destructuring declarator can bind several). */
  names: string[];
  /** Where those names are written in the declaration, for renaming. */
  sites: Ref[];
  region: string | undefined;
  /** Free references, filled on first use. */
  refs?: Ref[];
}

export type Binding =
  | { kind: "unit"; unit: Unit }
  | { kind: "import"; source: string; imported: string /* "default" | "*" | name */ };

export type ExportEntry = { kind: "local"; local: string } | { kind: "reexport"; source: string; imported: string };

/** The synthetic local name an `export default <expr>` gets, so it can be referenced like a declaration. */
export const DEFAULT_LOCAL = "__default_export";

const PARSE = { ecmaVersion: "latest", sourceType: "module", allowHashBang: true } as const;

/**
 * acorn rejects `export { x }` when `x` is not declared in the same text, which is always the
 * case for a lone segment; the check is irrelevant here, so it is switched off.
 */
class SegmentParser extends Parser {
  checkLocalExport(): void {}
}
const parse = (source: string): AnyNode => SegmentParser.parse(source, PARSE) as unknown as AnyNode;
const SEGMENT_START = /\n(?=[^\s})\],;/*.?:])/g;
const DECL_HEAD = /^(?:async\s+)?function\*?\s*([\w$]+)|^class\s+([\w$]+)|^(?:const|let|var)\s+([\w$]+)/gm;
/** Declarations whose names are not all visible in their first words: destructuring and lists. */
const COMPLEX_DECL = /^(?:const|let|var)\s+(?:[{[]|[\w$]+\s*[,;]|[\w$]+\s*$)/gm;
const MODULE_SYNTAX = /^(?:import|export)\b/gm;
const STATEMENT_HEAD = /^[\w$(![+\-~'"`]/;
const LOOSE_HEAD = /^(?:import|export|async\s+function|function|class|const|let|var)\b|^#!/;

export class Chunk {
  readonly bindings = new Map<string, Binding>();
  readonly exports = new Map<string, ExportEntry>();
  readonly starSources: string[] = [];
  private readonly starts: number[] = [0];
  private readonly segments = new Map<number, AnyNode[] | null>();
  private readonly declSegments = new Map<string, number[]>();
  private fullyParsed = false;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    for (const m of text.matchAll(SEGMENT_START)) this.starts.push(m.index! + 1);
    for (const m of text.matchAll(DECL_HEAD)) {
      const name = m[1] ?? m[2] ?? m[3]!;
      const list = this.declSegments.get(name) ?? [];
      list.push(this.segmentOf(m.index!));
      this.declSegments.set(name, list);
    }
    for (const re of [MODULE_SYNTAX, COMPLEX_DECL]) for (const m of text.matchAll(re)) this.load(this.segmentOf(m.index!));
  }

  /** What a module-level name is bound to, or undefined when it is not module-level here. */
  binding(name: string): Binding | undefined {
    let b = this.bindings.get(name);
    if (b) return b;
    for (const seg of this.declSegments.get(name) ?? []) this.load(seg);
    b = this.bindings.get(name);
    if (b || this.fullyParsed || name in globalThis) return b;
    // Not indexed and not a global: make sure by reading the whole chunk once.
    this.parseAll();
    return this.bindings.get(name);
  }

  /** Module-level names matching `re` (for finding root candidates). */
  declaredNames(re: RegExp): string[] {
    const names = new Set([...this.declSegments.keys(), ...this.bindings.keys()]);
    return [...names].filter((n) => re.test(n) && this.binding(n)?.kind === "unit");
  }

  /** Statements that are neither declarations nor module syntax (they are dropped when slicing). */
  looseStatements(): AnyNode[] {
    this.starts.forEach((start, i) => {
      const head = this.text.slice(start, start + 16);
      // Best effort: a warning is not worth a full parse, so unparseable segments are skipped.
      if (!LOOSE_HEAD.test(head) && STATEMENT_HEAD.test(head)) this.load(i, 8, false);
    });
    const out: AnyNode[] = [];
    for (const [, body] of this.segments) for (const s of body ?? []) if (isLoose(s)) out.push(s);
    return out;
  }

  private segmentOf(pos: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Parses segment `i` (merging forward until it parses) and registers what it declares. */
  private load(i: number, maxMerge = 64, fallback = true): void {
    if (this.segments.has(i) || this.fullyParsed) return;
    for (let end = i + 1; end <= this.starts.length && end - i <= maxMerge; end++) {
      const from = this.starts[i]!;
      const source = this.text.slice(from, this.starts[end] ?? this.text.length);
      let body: AnyNode[];
      try {
        body = parse(source).body;
      } catch {
        continue;
      }
      for (let j = i; j < end; j++) this.segments.set(j, j === i ? body : null);
      for (const stmt of body) this.register(stmt, source, from);
      return;
    }
    if (fallback) this.parseAll();
  }

  private parseAll(): void {
    if (this.fullyParsed) return;
    this.fullyParsed = true;
    const body = parse(this.text).body as AnyNode[];
    this.segments.clear();
    this.segments.set(0, body);
    // Keep units already handed out (the closure relies on their identity); add the rest.
    for (const stmt of body) this.register(stmt, this.text, 0, true);
  }

  private register(stmt: AnyNode, source: string, offset: number, keepExisting = false): void {
    const addUnit = (u: Omit<Unit, "chunk" | "source" | "region">) => {
      if (keepExisting && u.names.some((n) => this.bindings.has(n))) return;
      const unit: Unit = { ...u, chunk: this.file, source, region: regionAt(this.text, offset + u.node.start) };
      for (const n of unit.names) this.bindings.set(n, { kind: "unit", unit });
    };
    const declare = (decl: AnyNode) => {
      if (decl.type === "FunctionDeclaration" || decl.type === "ClassDeclaration") {
        const id = decl.id;
        const kind = decl.type === "FunctionDeclaration" ? "function" : "class";
        addUnit({ node: decl, kind, names: [id.name], sites: [{ name: id.name, start: id.start, end: id.end, shorthand: false }] });
      } else if (decl.type === "VariableDeclaration") {
        for (const d of decl.declarations) {
          addUnit({ node: d, kind: "declarator", keyword: decl.kind, names: patternNames(d.id), sites: patternSites(d.id) });
        }
      }
    };
    switch (stmt.type) {
      case "ImportDeclaration":
        for (const s of stmt.specifiers) {
          const imported =
            s.type === "ImportDefaultSpecifier" ? "default" : s.type === "ImportNamespaceSpecifier" ? "*" : nameOf(s.imported);
          this.bindings.set(s.local.name, { kind: "import", source: stmt.source.value, imported });
        }
        return;
      case "ExportNamedDeclaration":
        if (stmt.declaration) {
          declare(stmt.declaration);
          const d = stmt.declaration;
          const names = d.type === "VariableDeclaration" ? d.declarations.flatMap((x: AnyNode) => patternNames(x.id)) : [d.id.name];
          for (const n of names) this.exports.set(n, { kind: "local", local: n });
        }
        for (const s of stmt.specifiers ?? []) {
          const exported = nameOf(s.exported);
          if (stmt.source) this.exports.set(exported, { kind: "reexport", source: stmt.source.value, imported: nameOf(s.local) });
          else this.exports.set(exported, { kind: "local", local: nameOf(s.local) });
        }
        return;
      case "ExportAllDeclaration":
        if (stmt.exported) this.exports.set(nameOf(stmt.exported), { kind: "reexport", source: stmt.source.value, imported: "*" });
        else if (!this.starSources.includes(stmt.source.value)) this.starSources.push(stmt.source.value);
        return;
      case "ExportDefaultDeclaration": {
        const d = stmt.declaration;
        if ((d.type === "FunctionDeclaration" || d.type === "ClassDeclaration") && d.id) {
          declare(d);
          this.exports.set("default", { kind: "local", local: d.id.name });
        } else {
          addUnit({ node: d, kind: "default", names: [DEFAULT_LOCAL], sites: [] });
          this.exports.set("default", { kind: "local", local: DEFAULT_LOCAL });
        }
        return;
      }
      default:
        declare(stmt);
    }
  }
}

export function unitRefs(unit: Unit): Ref[] {
  unit.refs ??= freeRefs(unit.node);
  return unit.refs;
}

/** Free names a dropped top-level statement uses (to warn when it touches something we copied). */
export function looseRefs(stmt: AnyNode): string[] {
  return freeRefs(stmt).map((r) => r.name);
}

function isLoose(stmt: AnyNode): boolean {
  return !/^(Import|Export\w*)Declaration$|^(Function|Class|Variable)Declaration$/.test(stmt.type);
}

function nameOf(node: AnyNode): string {
  return node.type === "Identifier" ? node.name : String(node.value);
}
