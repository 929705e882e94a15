/** Walking an acorn tree for the statement slicer: children, ancestors, the path down to a range. */
import { SKIP_KEYS, type AnyNode } from "./patterns.ts";

export function childNodes(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (const key of Object.keys(node)) {
    if (SKIP_KEYS.has(key)) continue;
    const child = node[key];
    if (Array.isArray(child)) for (const c of child) c && typeof c.type === "string" && out.push(c);
    else if (child && typeof child.type === "string") out.push(child);
  }
  return out;
}

/** Every node with its ancestors (outermost first), depth first. */
export function walkAncestors(root: AnyNode, visit: (node: AnyNode, ancestors: readonly AnyNode[]) => void): void {
  const stack: AnyNode[] = [];
  const go = (node: AnyNode) => {
    visit(node, stack);
    stack.push(node);
    for (const c of childNodes(node)) go(c);
    stack.pop();
  };
  go(root);
}

/** The nodes containing [start, end), outermost first, from `root` down. */
export function pathTo(root: AnyNode, start: number, end: number): AnyNode[] {
  const path: AnyNode[] = [];
  let node: AnyNode | undefined = root;
  while (node) {
    path.push(node);
    node = childNodes(node).find((c) => c.start <= start && end <= c.end);
  }
  return path;
}
