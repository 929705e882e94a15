import { violation, type Property } from "../src/engine/property.ts";

export const pairedNodeNeverSilentlyEscalates: Property = {
  id: "paired-node-never-silently-escalates",
  statement: "A device approved as a node that asks for the operator role, or for more scopes, is never approved without an operator.",
  why: "a node runs commands for the gateway; letting it grant itself operator power or new scopes because it sits on the host skips the one human check on escalation",
  kind: "cell",
  cells: (c) => c.device === "paired" && ((c.upgrade === "role" && c.role === "operator") || (c.upgrade === "scopes" && c.role === "node")),
  check: (c, ctx) => (ctx.verdict(c).pairing === "silent" ? violation(c.upgrade === "role" ? "node device silently upgraded to operator" : "node device silently granted more scopes") : undefined),
};
