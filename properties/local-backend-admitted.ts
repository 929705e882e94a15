import { alwaysAdmitted } from "./availability.ts";

export const localBackendAdmitted = alwaysAdmitted({
  id: "local-backend-admitted",
  statement: "The gateway's own backend client (gateway-client/backend, on the host, no Origin) is admitted as an operator without a device on an auth-none gateway.",
  why: "cron, subagents and the gateway's own RPC probe connect this way; with auth none there is no secret to send (#67703, fixed by #63548's local backend exemption)",
  since: "2026.2.19",
  cells: (c) => c.client === "backend" && c.role === "operator" && c.locality === "local" && c.origin === "none" && c.device === "none" && c.authMode === "none",
  message: (_c, v) => `local backend operator on an auth-none gateway rejected: ${v.reason}`,
});
