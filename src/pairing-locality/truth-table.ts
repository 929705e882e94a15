import { CLIENTS } from "../domain/cell.ts";
import { callDistinct, expectBoolean } from "../differential/adapter.ts";
import type { Release } from "../differential/release.ts";
import type { CallResult } from "../release/runner.ts";
import { localityCells } from "../locality/locality-domain.ts";
import { PAIRING_REASONS } from "../model/policy-functions.ts";
import { PAIRING_LOCALITY_KINDS } from "./domain.ts";
import {
  authFacts, clientFlags, observedRequest, pairingLocalityParams, PAIRING_AUTHS, probeConnectParams, type PairingProbe,
} from "./truth-probe.ts";

/** What a release's pairing code made of one probe: the locality it named, and whether it pairs silently or skips pairing. */
export interface PairingTruth {
  locality: string;
  silent: boolean;
  backendSkip: boolean;
  /** what answered each part, e.g. `openclaw:resolvePairingLocality=browser_container_local`. */
  by: string[];
}

export type PairingTruthAnswer = PairingTruth | { error: string };

/** A pairing observer: the answer for a probe, or why there is none (an unchecked cell, never a pass). */
export type PairingObserver = (probe: PairingProbe) => PairingTruthAnswer | { unchecked: string };

/**
 * The release's pairing-locality code on every probe the topologies can produce, or why it
 * cannot be asked (its silent pairing is inline). `decidedBy` names the export behind each part,
 * so a counterexample says what answered. Stored compactly (it is cached per release): the
 * localities in probe order, the two boolean helpers keyed by the few inputs they take.
 */
export interface PairingTruthTable {
  /** set when the release has no sliced shouldAllowSilentLocalPairing: no probe is answered. */
  missing?: string;
  decidedBy: { locality: string; silent: string; backend: string };
  /** every axis of the locality probes, in the order `localities` is laid out in (a table read later indexes by its own). */
  sockets: string[];
  hosts: (string | null)[];
  clients: string[];
  auths: string[];
  /** resolvePairingLocality per locality probe ("error: …" when it threw). */
  localities: string[];
  silent: Record<string, boolean | { error: string }>;
  backend: Record<string, boolean | { error: string }>;
}

const SILENT = "shouldAllowSilentLocalPairing";
const LOCALITY = "resolvePairingLocality";
const BACKEND_BY_LOCALITY = "shouldSkipLocalBackendSelfPairing";
const BACKEND_BY_IS_LOCAL = "shouldSkipBackendSelfPairing";

type LocalityProbe = Omit<PairingProbe, "reason">;

const ORIGINS = ["none", "loopback"] as const;
const BOOLS = [false, true] as const;

/** The socket and Host values the topologies' concrete requests carry. */
function probeAxes(): { sockets: string[]; hosts: (string | null)[] } {
  const requests = localityCells().map(observedRequest);
  return {
    sockets: [...new Set(requests.map((r) => r.socketAddress ?? ""))].sort(),
    hosts: [...new Set(requests.map((r) => r.host ?? null))].sort((a, b) => (a ?? "").localeCompare(b ?? "")),
  };
}

/** Every probe the topologies' requests can give, for these reasons (tests compare model and release on them). */
export function pairingProbes(reasons: readonly PairingProbe["reason"][]): PairingProbe[] {
  const { sockets, hosts } = probeAxes();
  return localityProbes(sockets, hosts).flatMap((p) => reasons.map((reason) => ({ ...p, reason })));
}

/** Every locality probe, in the one order `localities` is stored in. */
function localityProbes(sockets: readonly string[], hosts: readonly (string | null)[]): LocalityProbe[] {
  const probes: LocalityProbe[] = [];
  for (const socket of sockets) for (const host of hosts) for (const origin of ORIGINS) for (const client of CLIENTS)
    for (const auth of PAIRING_AUTHS) for (const isLocalClient of BOOLS) for (const hasProxyHeaders of BOOLS)
      probes.push({ socket, host: host ?? undefined, origin, client, auth, isLocalClient, hasProxyHeaders });
  return probes;
}

function localityIndex(t: Pick<PairingTruthTable, "sockets" | "hosts" | "clients" | "auths">, p: LocalityProbe): number {
  const digits: [number, number][] = [
    [t.sockets.indexOf(p.socket), t.sockets.length], [t.hosts.indexOf(p.host ?? null), t.hosts.length], [ORIGINS.indexOf(p.origin), 2],
    [t.clients.indexOf(p.client), t.clients.length], [t.auths.indexOf(p.auth), t.auths.length], [Number(p.isLocalClient), 2], [Number(p.hasProxyHeaders), 2],
  ];
  if (digits.some(([d]) => d < 0)) return -1;
  return digits.reduce((n, [d, radix]) => n * radix + d, 0);
}

const silentKey = (p: Pick<PairingProbe, "origin" | "client" | "auth" | "isLocalClient" | "reason">, locality: string) =>
  [locality, p.origin, p.client, p.auth, p.isLocalClient ? 1 : 0, p.reason].join("|");
const backendKey = (p: Pick<PairingProbe, "origin" | "client" | "auth" | "isLocalClient">, locality: string) =>
  [locality, p.origin, p.client, p.auth, p.isLocalClient ? 1 : 0].join("|");

const kindOf = (value: unknown): string => {
  if (typeof value === "string" && (PAIRING_LOCALITY_KINDS as readonly string[]).includes(value)) return value;
  throw new Error(`${LOCALITY} returned ${JSON.stringify(value)}, expected a pairing locality kind`);
};

function read<T>(r: CallResult, as: (v: unknown) => T): T | { error: string } {
  if (!r.ok) return { error: r.error };
  try {
    return as(r.value);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The distinct argument lists of a helper, each called once, as a table by key. */
async function helperTable(release: Release, fn: string, entries: Map<string, unknown>): Promise<Record<string, boolean | { error: string }>> {
  const keys = [...entries.keys()].sort();
  const results = await callDistinct(release, fn, keys.map((k) => [entries.get(k)]));
  return Object.fromEntries(keys.map((k, i) => [k, read(results[i]!, (v) => expectBoolean(fn, v))]));
}

/**
 * The release's own functions on every probe the topologies can give: resolvePairingLocality
 * (where the release has it; before 4.5 its handshake hands isLocalClient to silent pairing
 * itself, so the locality is direct_local or remote), then shouldAllowSilentLocalPairing on that
 * locality for every reason, then the backend self-pairing skip (none before 3.8 and in 3.28–4.2,
 * where the release has no such function). Never the model.
 */
export async function pairingTruthTable(release: Release): Promise<PairingTruthTable> {
  const localityReal = release.present(LOCALITY);
  const backendReal = release.present(BACKEND_BY_LOCALITY) ? BACKEND_BY_LOCALITY : release.present(BACKEND_BY_IS_LOCAL) ? BACKEND_BY_IS_LOCAL : undefined;
  const decidedBy = {
    locality: localityReal ? `openclaw:${LOCALITY}` : "the release's isLocalClient (it has no resolvePairingLocality)",
    silent: `openclaw:${SILENT}`,
    backend: backendReal ? `openclaw:${backendReal}` : "none (the release has no backend self-pairing skip)",
  };
  const { sockets, hosts } = probeAxes();
  const empty = { decidedBy, sockets, hosts, clients: [...CLIENTS], auths: [...PAIRING_AUTHS], localities: [], silent: {}, backend: {} };
  if (!release.present(SILENT)) return { ...empty, missing: `${release.ref} has no sliced ${SILENT} (its silent pairing is inline in the message handler)` };
  const probes = localityProbes(sockets, hosts);
  const localities = localityReal
    ? (await callDistinct(release, LOCALITY, probes.map((p) => [pairingLocalityParams({ ...p, reason: "not-paired" })])))
      .map((r) => { const v = read(r, kindOf); return typeof v === "string" ? v : `error: ${v.error}`; })
    : probes.map((p) => (p.isLocalClient ? "direct_local" : "remote"));
  const silentArgs = new Map<string, unknown>();
  const backendArgs = new Map<string, unknown>();
  probes.forEach((p, i) => {
    const locality = localities[i]!;
    if (locality.startsWith("error: ")) return;
    for (const reason of PAIRING_REASONS) {
      silentArgs.set(silentKey({ ...p, reason }, locality), {
        isLocalClient: p.isLocalClient, locality, hasBrowserOriginHeader: p.origin !== "none", ...clientFlags(p),
        reason, autoApproveLocal: true, authMethod: p.auth,
      });
    }
    backendArgs.set(backendKey(p, locality), {
      connectParams: probeConnectParams(p), isLocalClient: p.isLocalClient, locality, hasBrowserOriginHeader: p.origin !== "none", ...authFacts(p.auth),
    });
  });
  return {
    ...empty, localities,
    silent: await helperTable(release, SILENT, silentArgs),
    backend: backendReal ? await helperTable(release, backendReal, backendArgs) : {},
  };
}

/** Reads a stored table: a probe it has no answer for is unchecked, never a pass. */
export function pairingTruthObserver(table: PairingTruthTable): PairingObserver {
  return (probe) => {
    if (table.missing) return { unchecked: table.missing };
    const at = localityIndex(table, probe);
    const locality = at < 0 ? undefined : table.localities[at];
    if (locality === undefined) return { unchecked: `the release's pairing code was not asked about ${probe.client} on socket ${probe.socket} with Host ${probe.host ?? "(none)"} (${probe.auth})` };
    if (locality.startsWith("error: ")) return { error: `${LOCALITY} threw: ${locality.slice(7)}` };
    const silent = table.silent[silentKey(probe, locality)];
    const backendSkip = table.decidedBy.backend.startsWith("openclaw:") ? table.backend[backendKey(probe, locality)] : false;
    if (silent === undefined || backendSkip === undefined) return { unchecked: `no recorded answer of the release's pairing helpers for ${silentKey(probe, locality)}` };
    if (typeof silent !== "boolean") return { error: `${SILENT} threw: ${silent.error}` };
    if (typeof backendSkip !== "boolean") return { error: `${table.decidedBy.backend.slice(9)} threw: ${backendSkip.error}` };
    const by = [`${table.decidedBy.locality}=${locality}`, `${table.decidedBy.silent}(${probe.reason})=${silent}`, `${table.decidedBy.backend}=${backendSkip}`];
    return { locality, silent, backendSkip, by };
  };
}
