import { alwaysAdmitted, noKnobs } from "./availability.ts";

export const localCliWithSecretAdmitted = alwaysAdmitted({
  id: "local-cli-with-secret-admitted",
  statement: "An operator CLI on the gateway host that sends the gateway's configured secret (token, or password — in trusted-proxy mode too) is admitted, with or without its paired device.",
  why: "the owner's own CLI must never be locked out by the auth mode (#17761: trusted-proxy mode refused the local password fallback)",
  // trusted-proxy mode exists from 2.17
  since: "2026.2.17",
  cells: (c) => c.client === "cli" && c.role === "operator" && c.locality === "local" && c.origin === "none" && c.credential === "secret-ok" && (c.device === "none" || c.device === "paired") && noKnobs(c),
  message: (c, v) => `local CLI holding the secret rejected in auth mode ${c.authMode}: ${v.reason}`,
});
