/**
 * Finding a glue anchor: the named module-level function (every chunk that declares it), the
 * nested functions named after it, and inside them the statement the anchor names. Every match
 * is returned; choosing (or refusing two different ones) is the caller's.
 */
import type { Unit } from "./chunk.ts";
import type { Dist } from "./dist.ts";
import type { GlueAnchor, GlueSpec } from "./glue-anchors.ts";
import { emptyingIn, type GuardTerm } from "./glue-empties.ts";
import { childNodes, walkAncestors } from "./glue-walk.ts";
import { FUNCTION_TYPES, type AnyNode } from "./patterns.ts";

export interface AnchorHit {
  unit: Unit;
  /** where the anchor is (an initialiser, a property value, an `if` test, an emptying). */
  expr: AnyNode;
  /** the anchor's value: the conjunction of these (one term, the expression itself, but for `empties`; none: proven false). */
  terms: GuardTerm[];
}

const isFunction = (n: AnyNode | undefined): boolean => !!n && FUNCTION_TYPES.has(n.type);

/** Functions named `name` inside `root`: declarations, named expressions, and `const name = (…) => …`. */
function namedFunctions(root: AnyNode, name: string): AnyNode[] {
  const out: AnyNode[] = [];
  walkAncestors(root, (node) => {
    if (node === root) return;
    if ((node.type === "FunctionDeclaration" || node.type === "FunctionExpression") && node.id?.name === name) out.push(node);
    if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && node.id.name === name && isFunction(node.init)) out.push(node.init);
  });
  return out;
}

const calleeIs = (node: AnyNode, name: string) => node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === name;

/** The anchor's expressions inside one function. */
function anchorsIn(fn: AnyNode, anchor: Exclude<GlueAnchor, { kind: "empties" }>): AnyNode[] {
  const out = new Set<AnyNode>();
  walkAncestors(fn, (node, ancestors) => {
    const parent = ancestors.at(-1);
    const grand = ancestors.at(-2);
    if (anchor.kind === "declarator") {
      if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && node.id.name === anchor.name && parent?.kind === "const" && node.init) out.add(node.init);
    } else if (anchor.kind === "property") {
      if (node.type !== "Property" || node.computed || (node.key.name ?? node.key.value) !== anchor.property || parent?.type !== "ObjectExpression") return;
      if (anchor.call && grand && calleeIs(grand, anchor.call) && grand.arguments.includes(parent)) out.add(node.value);
      // a returned literal belongs to this function only, not to a callback inside it
      if (anchor.returned && grand?.type === "ReturnStatement" && [...ancestors].reverse().find(isFunction) === fn) out.add(node.value);
    } else {
      const marks = (anchor.calls && calleeIs(node, anchor.calls)) || (anchor.returns && node.type === "ReturnStatement" && node.argument?.value === anchor.returns);
      if (!marks) return;
      // the innermost `if` whose consequent holds the mark, never one further out or across a function
      let child = node;
      for (const a of [...ancestors].reverse()) {
        if (isFunction(a)) return;
        if (a.type === "IfStatement" && a.consequent === child) return void out.add(a.test);
        child = a;
      }
    }
  });
  return [...out];
}

/** Every place the spec's anchor occurs, across the chunks that declare its outer function. */
export function findAnchors(dist: Dist, spec: GlueSpec): AnchorHit[] {
  const [top, ...nested] = spec.within as [string, ...string[]];
  const declaration = (name: string) => new RegExp(`^(?:export\\s+)?(?:async\\s+)?(?:function\\*?\\s*${name}\\b|(?:const|let|var)\\s+${name}\\b)`, "m");
  const declared = declaration(top);
  const became = spec.becameFunction;
  if (became && dist.searchable.some((f) => dist.text(f).includes(became) && declaration(became).test(dist.text(f)))) return [];
  const hits: AnchorHit[] = [];
  for (const file of dist.searchable) {
    const text = dist.text(file);
    if (!text.includes(top) || !declared.test(text)) continue;
    const binding = dist.chunk(file).binding(top);
    if (binding?.kind !== "unit") continue;
    const { unit } = binding;
    const outer = unit.node.type === "VariableDeclarator" ? unit.node.init : unit.node;
    if (!isFunction(outer)) continue;
    let fns = [outer];
    for (const name of nested) fns = fns.flatMap((f) => namedFunctions(f, name));
    for (const fn of fns) {
      const { anchor } = spec;
      if (anchor.kind === "empties") {
        const found = emptyingIn(fn, anchor.name, anchor.branch);
        if (found) hits.push({ unit, expr: found.at, terms: "never" in found ? [] : found.terms });
      } else for (const expr of anchorsIn(fn, anchor)) hits.push({ unit, expr, terms: [{ expr, negate: false }] });
    }
  }
  return hits;
}
