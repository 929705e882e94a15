/**
 * Following an inline expression back to its inputs: each free name is a declared input, a hole
 * or a pin (the spec's), a `const` in an enclosing scope declared before its use (followed, its
 * own free names in turn), a module-level declaration (to be sliced) or a global. Anything else
 * (a parameter or `let` the spec does not declare, a destructured name, a shadowed const) is
 * refused with the reason, never guessed.
 */
import type { Unit } from "./chunk.ts";
import { childNodes, pathTo } from "./glue-walk.ts";
import type { GlueSpec } from "./glue-anchors.ts";
import { FUNCTION_TYPES, hoistedVars, patternNames, type AnyNode, type Ref } from "./patterns.ts";
import { freeRefs } from "./scope.ts";
import type { GuardTerm } from "./glue-empties.ts";
import { GlueRefusal } from "./glue-refusal.ts";

export interface GlueTrace {
  unit: Unit;
  expr: AnyNode;
  /** the anchor's value: the conjunction of these terms (none: the constant false). */
  terms: GuardTerm[];
  /** followed consts, in source order. */
  consts: { name: string; init: AnyNode }[];
  inputs: string[];
  holes: string[];
  pins: string[];
  /** references to module-level names, per traced expression (for renaming on emit). */
  moduleRefs: Map<AnyNode, Ref[]>;
  moduleNames: string[];
  /** hole calls per traced expression, replaced by the hole's input on emit. */
  holeCalls: Map<AnyNode, AnyNode[]>;
  async: boolean;
}

export { GlueRefusal };

type Binding = { kind: "const"; init: AnyNode; at: number } | { kind: "refused"; why: string } | undefined;

/** What `name`, used at `pos`, is bound to in the function scopes around it (undefined: module level). */
function bindingAt(root: AnyNode, name: string, pos: number): Binding {
  const path = pathTo(root, pos, pos + 1);
  for (const a of path.reverse()) {
    if (FUNCTION_TYPES.has(a.type)) {
      if (a.params.some((p: AnyNode) => patternNames(p).includes(name))) return { kind: "refused", why: `${name} is a parameter of the enclosing function, not a declared input` };
      if (a.id?.name === name && a.type === "FunctionExpression") return { kind: "refused", why: `${name} names the enclosing function` };
      const vars = new Set<string>();
      if (a.body.type === "BlockStatement") hoistedVars(a.body, vars);
      if (vars.has(name)) return { kind: "refused", why: `${name} is a var (it may be reassigned)` };
    }
    const lists: AnyNode[][] = a.type === "BlockStatement" || a.type === "StaticBlock" ? [a.body] : a.type === "SwitchStatement" ? a.cases.map((c: AnyNode) => c.consequent) : [];
    for (const list of lists) {
      const found = declaredIn(list, name, pos);
      if (found) return found;
    }
    const head = a.type === "ForStatement" ? a.init : a.type === "ForInStatement" || a.type === "ForOfStatement" ? a.left : a.type === "CatchClause" ? a.param : undefined;
    if (head && (head.type === "VariableDeclaration" ? head.declarations.flatMap((d: AnyNode) => patternNames(d.id)) : patternNames(head)).includes(name)) {
      return { kind: "refused", why: `${name} is bound by a loop or catch head` };
    }
  }
  return undefined;
}

function declaredIn(statements: AnyNode[], name: string, pos: number): Binding {
  for (const s of statements) {
    if ((s.type === "FunctionDeclaration" || s.type === "ClassDeclaration") && s.id?.name === name) return { kind: "refused", why: `${name} is a local ${s.type === "ClassDeclaration" ? "class" : "function"}` };
    if (s.type !== "VariableDeclaration") continue;
    for (const d of s.declarations) {
      if (!patternNames(d.id).includes(name)) continue;
      if (s.kind !== "const") return { kind: "refused", why: `${name} is a ${s.kind} (it may be reassigned)` };
      if (d.id.type !== "Identifier") return { kind: "refused", why: `${name} is destructured; declare it as an input` };
      if (d.end > pos) return { kind: "refused", why: `${name} is declared after its use` };
      return { kind: "const", init: d.init, at: d.start };
    }
  }
  return undefined;
}

/** Calls of a hole helper inside `node` (not descending into them). */
function holeCallsIn(node: AnyNode, holes: ReadonlySet<string>): AnyNode[] {
  const out: AnyNode[] = [];
  const go = (n: AnyNode) => {
    if (n.type === "CallExpression" && n.callee.type === "Identifier" && holes.has(n.callee.name)) return void out.push(n);
    for (const c of childNodes(n)) go(c);
  };
  go(node);
  return out;
}

const hasAwait = (node: AnyNode): boolean =>
  node.type === "AwaitExpression" || (!FUNCTION_TYPES.has(node.type) && childNodes(node).some(hasAwait));

/** The anchor's expression and everything it needs, or a refusal naming the first name that cannot be placed. */
export function traceGlue(unit: Unit, expr: AnyNode, terms: GuardTerm[], spec: GlueSpec, isModuleLevel: (name: string) => boolean): GlueTrace {
  const inputs = new Set(spec.inputs);
  const holes = new Set(spec.holes ?? []);
  const pins = new Set(Object.keys(spec.pins ?? {}));
  const t: GlueTrace = { unit, expr, terms, consts: [], inputs: [], holes: [], pins: [], moduleRefs: new Map(), moduleNames: [], holeCalls: new Map(), async: false };
  const constAt = new Map<string, number>();
  const used = (list: string[], name: string) => list.includes(name) || list.push(name);
  const root = unit.node;

  const visit = (node: AnyNode) => {
    const calls = holeCallsIn(node, holes);
    t.holeCalls.set(node, calls);
    for (const c of calls) used(t.holes, c.callee.name);
    t.async ||= hasAwait(node);
    const refs = freeRefs(node).filter((r) => !calls.some((c) => c.start <= r.start && r.end <= c.end));
    const moduleRefs: Ref[] = [];
    t.moduleRefs.set(node, moduleRefs);
    for (const ref of refs) {
      const { name } = ref;
      if (inputs.has(name)) { used(t.inputs, name); continue; }
      if (pins.has(name)) { used(t.pins, name); continue; }
      const b = bindingAt(root, name, ref.start);
      if (b?.kind === "refused") throw new GlueRefusal(`unexpected free variable: ${b.why}`);
      if (b?.kind === "const") {
        const seen = constAt.get(name);
        if (seen === b.at) continue;
        if (seen !== undefined) throw new GlueRefusal(`unexpected free variable: two consts named ${name} in scope`);
        constAt.set(name, b.at);
        visit(b.init);
        t.consts.push({ name, init: b.init });
        continue;
      }
      if (!isModuleLevel(name) && !(name in globalThis)) throw new GlueRefusal(`unexpected free variable: ${name} is neither an input, a const in scope, module-level nor a global`);
      if (isModuleLevel(name)) {
        moduleRefs.push(ref);
        used(t.moduleNames, name);
      }
    }
  };
  for (const term of terms) visit(term.expr);
  t.consts.sort((a, b) => constAt.get(a.name)! - constAt.get(b.name)!);
  return t;
}
