import * as acorn from "acorn";
import * as walk from "acorn-walk";

/**
 * What a sliced function expects: its positional parameter names and the fields it reads from
 * an object parameter. Adapters are chosen by this shape, never by version number, so a release
 * whose function changed shape is caught instead of being fed the wrong arguments.
 */
export interface Signature {
  params: string[];
  /** fields read from each parameter (by destructuring or `param.field`), per position. */
  reads: string[][];
}

type Node = acorn.Node & Record<string, any>;

export function signatureOf(source: string, name: string): Signature | undefined {
  const program = acorn.parse(source, { ecmaVersion: "latest", sourceType: "module" }) as Node;
  let fn: Node | undefined;
  walk.simple(program, {
    FunctionDeclaration(node: Node) {
      if (node.id?.name === name) fn ??= node;
    },
    VariableDeclarator(node: Node) {
      if (node.id?.name === name && /Function/.test(node.init?.type ?? "")) fn ??= node.init;
    },
  });
  if (!fn) return undefined;
  const params: string[] = [];
  const reads: string[][] = [];
  for (const param of fn.params as Node[]) {
    const target = param.type === "AssignmentPattern" ? param.left : param;
    if (target.type === "ObjectPattern") {
      params.push("{}");
      reads.push(target.properties.map((p: Node) => p.key?.name ?? p.key?.value ?? "...").filter(Boolean));
    } else {
      const id = target.type === "Identifier" ? target.name : "?";
      params.push(id);
      reads.push(fieldsRead(fn.body, id));
    }
  }
  return { params, reads };
}

/** `param.field` and `param?.field` accesses, plus fields destructured from the param in the body. */
function fieldsRead(body: Node, param: string): string[] {
  const fields = new Set<string>();
  walk.full(body, (node: Node) => {
    if (node.type === "MemberExpression" && node.object.type === "Identifier" && node.object.name === param && !node.computed) {
      fields.add(node.property.name);
    }
    if (node.type === "VariableDeclarator" && node.init?.type === "Identifier" && node.init.name === param && node.id.type === "ObjectPattern") {
      for (const p of node.id.properties) if (p.key?.name) fields.add(p.key.name);
    }
  });
  return [...fields].sort();
}

export function showSignature(sig: Signature): string {
  return sig.params.map((p, i) => (sig.reads[i]!.length ? `${p === "{}" ? "" : p}{${sig.reads[i]!.join(",")}}` : p)).join(", ");
}
