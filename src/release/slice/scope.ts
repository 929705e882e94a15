/**
 * Lexical scope walk over an ESTree subtree: which identifiers does it use that it does not
 * bind itself? Those are what the slicer must pull in (or leave to globals). Positions are kept
 * so the emitter can rename them, and shorthand properties are flagged because `{a}` has to
 * become `{a: a$s1}` rather than `{a$s1}` when `a` is renamed.
 */

import {
  FUNCTION_TYPES,
  SKIP_KEYS,
  hoistedVars,
  lexicalNames,
  patternNames,
  type AnyNode,
  type Ref,
} from "./patterns.ts";

export { patternNames, patternSites, type AnyNode, type Ref } from "./patterns.ts";

class Scope {
  readonly names = new Set<string>();
  constructor(readonly parent?: Scope) {}
  has(name: string): boolean {
    for (let s: Scope | undefined = this; s; s = s.parent) if (s.names.has(name)) return true;
    return false;
  }
}

class Walker {
  readonly refs: Ref[] = [];

  ref(id: AnyNode, scope: Scope, shorthand = false): void {
    if (!scope.has(id.name)) this.refs.push({ name: id.name, start: id.start, end: id.end, shorthand });
  }

  visit(node: AnyNode | null | undefined, scope: Scope): void {
    if (!node) return;
    switch (node.type) {
      case "Identifier":
        return this.ref(node, scope);
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        return this.fn(node, scope);
      case "ClassDeclaration":
      case "ClassExpression":
        return this.cls(node, scope);
      case "BlockStatement":
      case "StaticBlock": {
        const inner = new Scope(scope);
        lexicalNames(node.body, inner.names);
        for (const s of node.body) this.visit(s, inner);
        return;
      }
      case "ForStatement":
      case "ForInStatement":
      case "ForOfStatement": {
        const inner = new Scope(scope);
        const head = node.type === "ForStatement" ? node.init : node.left;
        if (head?.type === "VariableDeclaration" && head.kind !== "var") {
          for (const d of head.declarations) for (const n of patternNames(d.id)) inner.names.add(n);
        }
        if (node.type === "ForStatement") {
          this.visit(node.init, inner);
          this.visit(node.test, inner);
          this.visit(node.update, inner);
        } else {
          if (head?.type === "VariableDeclaration") this.visit(head, inner);
          else this.pattern(head, inner, true);
          this.visit(node.right, inner);
        }
        this.visit(node.body, inner);
        return;
      }
      case "CatchClause": {
        const inner = new Scope(scope);
        for (const n of patternNames(node.param)) inner.names.add(n);
        this.pattern(node.param, inner, false);
        this.visit(node.body, inner);
        return;
      }
      case "SwitchStatement": {
        this.visit(node.discriminant, scope);
        const inner = new Scope(scope);
        for (const c of node.cases) lexicalNames(c.consequent, inner.names);
        for (const c of node.cases) {
          this.visit(c.test, inner);
          for (const s of c.consequent) this.visit(s, inner);
        }
        return;
      }
      case "VariableDeclaration":
        for (const d of node.declarations) {
          this.pattern(d.id, scope, false);
          this.visit(d.init, scope);
        }
        return;
      case "AssignmentExpression":
        if (node.left.type === "ObjectPattern" || node.left.type === "ArrayPattern") this.pattern(node.left, scope, true);
        else this.visit(node.left, scope);
        this.visit(node.right, scope);
        return;
      case "MemberExpression":
        this.visit(node.object, scope);
        if (node.computed) this.visit(node.property, scope);
        return;
      case "Property":
        if (node.computed) this.visit(node.key, scope);
        if (node.shorthand && node.value.type === "Identifier") this.ref(node.value, scope, true);
        else this.visit(node.value, scope);
        return;
      case "MethodDefinition":
      case "PropertyDefinition":
        if (node.computed) this.visit(node.key, scope);
        this.visit(node.value, scope);
        return;
      case "LabeledStatement":
        return this.visit(node.body, scope);
      case "BreakStatement":
      case "ContinueStatement":
      case "MetaProperty":
      case "PrivateIdentifier":
        return;
      default:
        return this.children(node, scope);
    }
  }

  children(node: AnyNode, scope: Scope): void {
    for (const key of Object.keys(node)) {
      if (SKIP_KEYS.has(key)) continue;
      const child = node[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c.type === "string") this.visit(c, scope);
      } else if (child && typeof child.type === "string") this.visit(child, scope);
    }
  }

  fn(node: AnyNode, outer: Scope): void {
    let scope = outer;
    if (node.type === "FunctionExpression" && node.id) {
      // A named function expression sees its own name; nothing outside does.
      scope = new Scope(outer);
      scope.names.add(node.id.name);
    }
    // Parameter defaults see only the parameters, not the body's declarations.
    const params = new Scope(scope);
    for (const p of node.params) for (const n of patternNames(p)) params.names.add(n);
    if (node.type !== "ArrowFunctionExpression") params.names.add("arguments");
    for (const p of node.params) this.pattern(p, params, false);
    if (node.body.type !== "BlockStatement") return this.visit(node.body, params);
    const body = new Scope(params);
    hoistedVars(node.body, body.names);
    lexicalNames(node.body.body, body.names);
    for (const s of node.body.body) this.visit(s, body);
  }

  cls(node: AnyNode, outer: Scope): void {
    this.visit(node.superClass, outer);
    const inner = new Scope(outer);
    if (node.id) inner.names.add(node.id.name);
    for (const member of node.body.body) this.visit(member, inner);
  }

  /** Binding or assignment target. In `assign` mode plain identifiers are references. */
  pattern(p: AnyNode | null, scope: Scope, assign: boolean, shorthand = false): void {
    if (!p) return;
    switch (p.type) {
      case "Identifier":
        if (assign) this.ref(p, scope, shorthand);
        return;
      case "ObjectPattern":
        for (const prop of p.properties) {
          if (prop.type === "RestElement") this.pattern(prop.argument, scope, assign);
          else {
            if (prop.computed) this.visit(prop.key, scope);
            this.pattern(prop.value, scope, assign, prop.shorthand);
          }
        }
        return;
      case "ArrayPattern":
        for (const el of p.elements) this.pattern(el, scope, assign);
        return;
      case "RestElement":
        return this.pattern(p.argument, scope, assign);
      case "AssignmentPattern":
        this.pattern(p.left, scope, assign, shorthand);
        this.visit(p.right, scope);
        return;
      default:
        // Member expressions as assignment targets (`obj.x = …` inside a pattern).
        this.visit(p, scope);
    }
  }
}

/**
 * Free references of one top-level declaration. `node` is a FunctionDeclaration,
 * ClassDeclaration, VariableDeclarator or a bare expression (for `export default expr`).
 */
export function freeRefs(node: AnyNode): Ref[] {
  const w = new Walker();
  const top = new Scope();
  if (node.type === "VariableDeclarator") {
    w.pattern(node.id, top, false);
    w.visit(node.init, top);
  } else {
    w.visit(node, top);
  }
  return w.refs;
}
