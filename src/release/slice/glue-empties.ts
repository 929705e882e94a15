/**
 * The `empties` anchor: when the handler empties a `let` it keeps inline (`scopes = []`), cut out
 * as the conditions on the way to that assignment, from the branch guard (an `if` reading the
 * spec's branch input, e.g. `device`) down. Each step up from the assignment is an `if` it sits
 * in (its test, or the test negated in the `else`), an early `if (…) return` before it in the same
 * block (negated), or the one call site of the `const` arrow the assignment is in. Anything else on
 * the way (a loop, a `switch`, a statement before it that may leave the block, a second call site)
 * is refused, never guessed.
 *
 * No emptying at all is an answer only when the slicer can prove it: nothing in the handler writes
 * the name (no assignment, no update, no mutating array method, no other value stored where the
 * handler copies it). Then the anchor is the constant "never"; otherwise it is refused.
 */
import { childNodes, pathTo } from "./glue-walk.ts";
import { GlueRefusal } from "./glue-refusal.ts";
import { FUNCTION_TYPES, type AnyNode } from "./patterns.ts";
import { freeRefs } from "./scope.ts";

/** One condition on the way to the anchor: the test as written, or its negation. */
export interface GuardTerm {
  expr: AnyNode;
  negate: boolean;
}

/** What an `empties` anchor found in one function: the guards of its one emptying, or the proven constant. */
export type Emptying = { at: AnyNode; terms: GuardTerm[] } | { at: AnyNode; never: true };

const MUTATORS = new Set(["push", "pop", "shift", "unshift", "splice", "sort", "reverse", "fill", "copyWithin", "length"]);

function walk(node: AnyNode, visit: (n: AnyNode, parent: AnyNode | undefined) => void, parent?: AnyNode): void {
  visit(node, parent);
  for (const c of childNodes(node)) walk(c, visit, node);
}

const isName = (n: AnyNode | undefined, name: string) => n?.type === "Identifier" && n.name === name;
const isEmptying = (n: AnyNode, name: string) =>
  n.type === "AssignmentExpression" && n.operator === "=" && isName(n.left, name) && n.right.type === "ArrayExpression" && n.right.elements.length === 0;

/** Does the statement contain a way out of the block (return, throw, break, continue) outside a nested function? */
function mayLeave(node: AnyNode): boolean {
  if (["ReturnStatement", "ThrowStatement", "BreakStatement", "ContinueStatement"].includes(node.type)) return true;
  return !FUNCTION_TYPES.has(node.type) && childNodes(node).some(mayLeave);
}

/** `if (T) return …;` (or a block ending in return or throw) with no else: what follows runs only when T is false. */
function earlyExitTest(s: AnyNode): AnyNode | undefined {
  if (s.type !== "IfStatement" || s.alternate) return undefined;
  const last = s.consequent.type === "BlockStatement" ? s.consequent.body.at(-1) : s.consequent;
  return last && (last.type === "ReturnStatement" || last.type === "ThrowStatement") ? s.test : undefined;
}

const reads = (expr: AnyNode, name: string) => freeRefs(expr).some((r) => r.name === name);

/**
 * Every write to `name` (or to a `.name` property, the handler's copy) in `fn`, each either an
 * emptying or a refusal: a proof of "never" must account for all of them.
 */
function writesOf(fn: AnyNode, name: string): AnyNode[] {
  const emptyings: AnyNode[] = [];
  walk(fn, (n, parent) => {
    if (isEmptying(n, name)) return void emptyings.push(n);
    if (n.type === "AssignmentExpression" && isName(n.left, name)) throw new GlueRefusal(`${name} is assigned something other than [] (${n.operator})`);
    if (n.type === "UpdateExpression" && isName(n.argument, name)) throw new GlueRefusal(`${name} is updated with ${n.operator}`);
    const member = n.type === "MemberExpression" && !n.computed && isName(n.object, name) ? n.property.name : undefined;
    if (member && MUTATORS.has(member) && (member !== "length" || (parent?.type === "AssignmentExpression" && parent.left === n))) {
      throw new GlueRefusal(`${name}.${member} may change it in place`);
    }
    if (member && parent?.type === "AssignmentExpression" && parent.left === n) throw new GlueRefusal(`${name}.${member} is written`);
    // the handler's copy (`connectParams.scopes = scopes`) must hold the name itself, never another value
    if (n.type === "AssignmentExpression" && n.left.type === "MemberExpression" && !n.left.computed && n.left.property.name === name && !isName(n.right, name)) {
      throw new GlueRefusal(`a .${name} property is assigned something other than ${name}`);
    }
  });
  return emptyings;
}

/** The one `const F = () => …` (or function) the node sits in, and its one call statement in `fn`. */
function callSiteOf(fn: AnyNode, inner: AnyNode, declarator: AnyNode | undefined): AnyNode {
  if (declarator?.type !== "VariableDeclarator" || declarator.init !== inner || declarator.id.type !== "Identifier") {
    throw new GlueRefusal("the emptying is in a function that is not a named const");
  }
  const F = declarator.id.name;
  const calls: AnyNode[] = [];
  let others = 0;
  walk(fn, (n, parent) => {
    if (!isName(n, F) || n === declarator.id) return;
    if (parent?.type === "CallExpression" && parent.callee === n && parent.arguments.length === 0) calls.push(parent);
    else others++;
  });
  if (others || calls.length !== 1) throw new GlueRefusal(`${F} is called from ${calls.length} places${others ? ` and referenced ${others} other ways` : ""}; its call site cannot be traced`);
  return calls[0]!;
}

/** The guards from `node` up to (and including) the first that reads `branch`. */
function guardsOf(fn: AnyNode, node: AnyNode, branch: string, name: string): GuardTerm[] {
  const path = pathTo(fn, node.start, node.end);
  if (path.at(-1) !== node) throw new GlueRefusal(`the path to ${name} = [] could not be followed`);
  const terms: GuardTerm[] = [];
  let child = node;
  for (let k = path.length - 2; k >= 0; k--) {
    const a = path[k]!;
    if (FUNCTION_TYPES.has(a.type)) {
      if (a === fn) throw new GlueRefusal(`${name} = [] is not under a branch reading ${branch}`);
      return [...terms, ...guardsOf(fn, callSiteOf(fn, a, path[k - 1]), branch, name)];
    }
    if (a.type === "IfStatement") {
      if (a.test === child) throw new GlueRefusal(`${name} = [] sits in an if's test`);
      terms.push({ expr: a.test, negate: a.alternate === child });
      if (reads(a.test, branch)) return terms;
    } else if (a.type === "BlockStatement") {
      // the statements before it in the block, nearest first: early exits are guards, anything else that may leave is refused
      for (let s = a.body.indexOf(child) - 1; s >= 0; s--) {
        const stmt = a.body[s]!;
        const test = earlyExitTest(stmt);
        if (test) {
          terms.push({ expr: test, negate: true });
          if (reads(test, branch)) return terms;
        } else if (mayLeave(stmt)) {
          throw new GlueRefusal(`a statement before ${name} = [] may leave the block (${stmt.type})`);
        }
      }
    } else if (a.type !== "ExpressionStatement") {
      throw new GlueRefusal(`${name} = [] sits in a ${a.type}, which the slicer does not follow`);
    }
    child = a;
  }
  throw new GlueRefusal(`${name} = [] is not under a branch reading ${branch}`);
}

/** The emptying of `name` in `fn` with its guards, the proven "never", or undefined when `fn` has no such name. */
export function emptyingIn(fn: AnyNode, name: string, branch: string): Emptying | undefined {
  const emptyings = writesOf(fn, name);
  if (emptyings.length > 1) throw new GlueRefusal(`${name} is emptied in ${emptyings.length} places`);
  if (emptyings.length === 1) return { at: emptyings[0]!, terms: guardsOf(fn, emptyings[0]!, branch, name) };
  let declared: AnyNode | undefined;
  walk(fn, (n) => {
    if (n.type === "VariableDeclarator" && isName(n.id, name)) declared ??= n;
  });
  return declared ? { at: declared, never: true } : undefined;
}
