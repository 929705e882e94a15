import { admitted, violation, type Property } from "../src/engine/property.ts";

export const nodeNeverAdmittedWithoutIdentity: Property = {
  id: "node-never-admitted-without-identity",
  statement: "A node-role connect without a device identity is rejected, local or remote, whatever the auth mode.",
  why: "locality is not identity: a same-host relay makes remote callers look local, and under auth none every local process is 'authenticated'",
  kind: "cell",
  cells: (c) => c.role === "node" && c.device === "none",
  check: (c, ctx) => (admitted(ctx.verdict(c)) ? violation("device-less node admitted") : undefined),
};
