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
    why: "the gateway is right, the model stops too early (diagnosed 2026-12-01 from the gateway's log): the handshake policy does skip pairing for a new local gateway-client/backend device with the shared secret, as the model says, but a node connect then files its node-surface pairing request, which 9.6's state worker refuses for a device that is not in the paired store (\"node pairing requires a paired device\"); the gateway logs a parse/handle error and closes 1000 before hello-ok. So that connect is never admitted. Not a model rule: the refusal is an internal error with no close reason, outside the verdict vocabulary (unexplained never agrees). Replay it and read the gateway log",
  },
];

export function diagnosisOf(version: string, cell: Cell, label: string): string | undefined {
  return DIAGNOSES.find((d) => d.versions.includes(version) && d.label === label && (d.applies?.(cell) ?? true))?.why;
}
