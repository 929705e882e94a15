import { neverAdmitted } from "../src/engine/property-builders.ts";

export const nodeNeverAdmittedWithoutIdentity = neverAdmitted({
  id: "node-never-admitted-without-identity",
  statement: "A node-role connect without a device identity is rejected, local or remote, whatever the auth mode.",
  why: "locality is not identity: a same-host relay makes remote callers look local, and under auth none every local process is 'authenticated'",
  cells: (c) => c.role === "node" && c.device === "none",
  message: () => "device-less node admitted",
});
