/**
 * Binding patterns and declaration hoisting: which names a pattern, a function body or a block
 * declares. Split from the walker so each file reads as one idea.
 */

/** acorn's nodes are loose ESTree objects; one structural type keeps the walkers generic. */
export interface AnyNode {
  type: string;
  start: number;
  end: number;
  [key: string]: any;
}

/** One identifier occurrence that may need renaming when emitted. */
export interface Ref {
  name: string;
  start: number;
  end: number;
  /** identifier is both key and value of a `{name}` property or pattern. */
  shorthand: boolean;
}

export const SKIP_KEYS = new Set(["type", "start", "end", "loc", "range"]);
export const FUNCTION_TYPES = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

/** Names a binding pattern declares (`a`, `{b, c: d}`, `[e = 1, ...f]`). */
export function patternNames(p: AnyNode | null, out: string[] = []): string[] {
  if (!p) return out;
  switch (p.type) {
    case "Identifier":
      out.push(p.name);
      break;
    case "ObjectPattern":
      for (const prop of p.properties) patternNames(prop.type === "RestElement" ? prop.argument : prop.value, out);
      break;
    case "ArrayPattern":
      for (const el of p.elements) patternNames(el, out);
      break;
    case "RestElement":
      patternNames(p.argument, out);
      break;
    case "AssignmentPattern":
      patternNames(p.left, out);
      break;
  }
  return out;
}

/** The identifier nodes a binding pattern declares, with shorthand flags (for renaming a declaration). */
export function patternSites(p: AnyNode | null, out: Ref[] = [], shorthand = false): Ref[] {
  if (!p) return out;
  switch (p.type) {
    case "Identifier":
      out.push({ name: p.name, start: p.start, end: p.end, shorthand });
      break;
    case "ObjectPattern":
      for (const prop of p.properties) {
        if (prop.type === "RestElement") patternSites(prop.argument, out);
        else patternSites(prop.value, out, prop.shorthand);
      }
      break;
    case "ArrayPattern":
      for (const el of p.elements) patternSites(el, out);
      break;
    case "RestElement":
      patternSites(p.argument, out);
      break;
    case "AssignmentPattern":
      patternSites(p.left, out, shorthand);
      break;
  }
  return out;
}

/** `var` names anywhere in a function body (not crossing into nested functions). */
export function hoistedVars(node: AnyNode | null, out: Set<string>): void {
  if (!node || typeof node !== "object") return;
  if (FUNCTION_TYPES.has(node.type) || node.type === "ClassDeclaration" || node.type === "ClassExpression") return;
  if (node.type === "VariableDeclaration" && node.kind === "var") {
    for (const d of node.declarations) for (const n of patternNames(d.id)) out.add(n);
  }
  for (const key of Object.keys(node)) {
    if (SKIP_KEYS.has(key)) continue;
    const child = node[key];
    if (Array.isArray(child)) for (const c of child) c && typeof c.type === "string" && hoistedVars(c, out);
    else if (child && typeof child.type === "string" && !isExpressionOnly(child)) hoistedVars(child, out);
  }
}

// Expressions cannot contain `var` declarations except inside functions, which stop the search anyway.
function isExpressionOnly(node: AnyNode): boolean {
  return node.type.endsWith("Expression") && !FUNCTION_TYPES.has(node.type);
}

/** let/const/class/function declared directly in a statement list (block-scoped in strict code). */
export function lexicalNames(statements: AnyNode[], names: Set<string>): void {
  for (const s of statements) {
    const decl = s.type === "ExportNamedDeclaration" || s.type === "ExportDefaultDeclaration" ? s.declaration : s;
    if (!decl) continue;
    if (decl.type === "VariableDeclaration" && decl.kind !== "var") {
      for (const d of decl.declarations) for (const n of patternNames(d.id)) names.add(n);
    } else if ((decl.type === "FunctionDeclaration" || decl.type === "ClassDeclaration") && decl.id) {
      names.add(decl.id.name);
    }
  }
}
