/**
 * Disagreements between a live gateway and the model that were looked at by hand and are not
 * (yet) fixed on either side, each with what was found. A disagreement without a diagnosis is
 * reported bare: someone has to look at it.
 */
import type { Cell } from "../domain/cell.ts";

interface Diagnosis {
  /** releases it was diagnosed on (exact versions). */
  versions: readonly string[];
  /** the `model → live` label it explains. */
  label: string;
  applies?: (cell: Cell) => boolean;
  why: string;
}

const loopbackHop = "3.13 realises trusted-proxy `local` only as a trusted loopback proxy forwarding X-Forwarded-For 127.0.0.1 (L1 classes that client local)";

export const DIAGNOSES: readonly Diagnosis[] = [
  {
    versions: ["2026.3.13"],
    label: "admit(kept,silent) → reject pairing-required",
    applies: (c) => c.authMode === "trusted-proxy" && c.locality === "local",
    why: `${loopbackHop}; isLocalClient is then true, but silent pairing does not take a proxied connect as direct-local, so the device waits for approval. The cell domain has one "local"; the model reads it as direct-local. Not a model error for direct connects; a proxied-local pairing class would need its own cell value`,
  },
  {
    versions: ["2026.3.13"],
    label: "reject device-required → reject control-ui-insecure-auth",
    applies: (c) => c.authMode === "trusted-proxy" && c.locality === "local" && c.client === "control-ui" && c.allowInsecureAuth,
    why: `${loopbackHop}; the Control UI's allowInsecureAuth path does not count that proxied client as local, so it gets the insecure-auth close where a direct local one gets device-required. Same realisation limit as the pairing case`,
  },
  {
    versions: ["2026.9.6"],
    label: "admit(kept,skipped) → reject unexplained",
    applies: (c) => c.client === "backend" && c.role === "node" && c.device === "unpaired" && c.locality === "local",
    why: "9.6 closes the socket normally (1000) before any hello-ok for a new local gateway-client/backend device asking to be a node; the model has the backend self-pairing skip admit it. Not diagnosed further: replay it and read the gateway log",
  },
  {
    versions: ["2026.9.6"],
    label: "admit(kept,paired) → reject unexplained",
    applies: (c) => c.client === "control-ui" && c.role === "node" && c.authMode === "none",
    why: "9.6 closes normally (1000) without hello-ok for a paired Control UI device connecting as a node on an auth-none gateway; not diagnosed further",
  },
  ...["admit(kept,paired) → reject unauthorized", "admit(kept,paired) → reject pairing-required", "admit(kept,paired) → reject unexplained"].map((label) => ({
    versions: ["2026.9.6"],
    label,
    applies: (c: Cell) => c.device === "paired" && (c.client === "cli" || c.client === "node-host"),
    why: "order-dependent on 9.6: in one full run every paired cli/node-host device was admitted, in another 44 of 4,896 paired cells were refused (device token mismatch, not approved yet, or a normal close), mostly node-role devices of the cli client. The gateway re-issues device tokens and keeps its own local-CLI device state; which connect disturbs a paired record was not found. Replay the cell: it runs one handshake in a fresh gateway",
  })),
];

export function diagnosisOf(version: string, cell: Cell, label: string): string | undefined {
  return DIAGNOSES.find((d) => d.versions.includes(version) && d.label === label && (d.applies?.(cell) ?? true))?.why;
}
