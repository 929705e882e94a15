import type { Cell } from "../domain/cell.ts";
import type { Verdict } from "../domain/verdict.ts";
import { localityCells, type LocalityCell } from "../locality/locality-domain.ts";
import { TOPOLOGY_IDS } from "../locality/topology.ts";
import { HEADER, type ConcreteRequest } from "../locality/request.ts";
import type { PairingTruth } from "../pairing-locality/truth-table.ts";
import { observedRequest, type PairingAuth, type PairingProbe } from "../pairing-locality/truth-probe.ts";
import type { PairingReason } from "../model/policy-functions.ts";
import type { TopologyContext, TopologyFinding, TopologyViolation } from "./context.ts";
import { refusedByAuth, trulyLocal } from "./ground-truth.ts";
import type { HandshakeGlue } from "../impl/handshake-glue.ts";
import { CannotCheckError } from "../domain/errors.ts";

/** A first pairing whose auth the handshake verifies: a right token or password, or an auth-none gateway. */
export function pairingAuthOf(cell: Cell): PairingAuth | undefined {
  const secretMode = cell.authMode === "token" || cell.authMode === "password";
  if (secretMode && cell.credential === "secret-ok") return cell.authMode as PairingAuth;
  if (secretMode && cell.credential === "device-token" && cell.device === "paired") return "device-token";
  if (cell.authMode === "none") return "none";
  return undefined;
}

/** Why the connect asks to be paired: a new device, or a paired one asking for more scopes or the other role. */
export function pairingReasonOf(cell: Cell): PairingReason | undefined {
  if (cell.device === "unpaired" && cell.upgrade === "none") return "not-paired";
  if (cell.device === "paired" && cell.upgrade !== "none") return cell.upgrade === "role" ? "role-upgrade" : "scope-upgrade";
  return undefined;
}

/**
 * A device asking to be paired (first pairing or an upgrade), with an Origin the gateway allows and
 * an auth it verifies; the Host header is the connection's own (the topology's), so the cell's is the gateway's.
 */
export const pairingConnect = (cell: Cell) =>
  pairingReasonOf(cell) !== undefined && cell.origin !== "foreign" && cell.hostHeader === "gateway" && pairingAuthOf(cell) !== undefined;

/** What the cell's `forwarded` field stands for: X-Forwarded-For or X-Real-IP on the request. */
const forwardedIn = (request: ConcreteRequest) => Boolean(request.headers[HEADER.xForwardedFor] || request.headers[HEADER.xRealIp]);

/**
 * The connect got as far as the pairing step, by the implementation's own verdict (origin check,
 * auth, gate), and was not let through by the Control UI's own pairing skip (a configured
 * bypass, judged by remote-unpaired-needs-approval and its exceptions).
 */
const reachesPairing = (v: Verdict) => (v.outcome === "admit" || v.reason === "pairing-required") && !v.rules.includes("pairing.control-ui-skip");

/**
 * Whether the caller's pairing glue lets a silent-pairing yes pair this request silently: the
 * implementation's own glue (a release's sliced glue where it has it) with the helper answering
 * yes. It refuses, whatever the helper says, the upgrades it never approves silently (3.28–7.35
 * scope upgrades; from 5.18 a paired device asking for a non-operator role).
 */
function callerLetsSilentThrough(glue: HandshakeGlue, cell: Cell): boolean {
  const reason = pairingReasonOf(cell)!;
  try {
    return glue.pairingSilent({ reason, paired: reason !== "not-paired", role: cell.role, silentOk: true, origin: false });
  } catch (error) {
    // a reason the glue was never asked with a yes for (the helper gives none there): the helper's
    // own answer decides, so a yes from the pairing-locality code is flagged, never excused
    if (error instanceof CannotCheckError) return true;
    throw error;
  }
}

export const INDISTINGUISHABLE =
  "the request is byte for byte one a process on the gateway host sends (a blind relay forwards exactly its bytes): no gateway code can tell them apart";

/** A connection's request with the settings that read it (what "byte for byte the same" compares). */
const sameAs = (c: LocalityCell) => `${c.trusted}|${c.realIp}|${JSON.stringify(observedRequest(c))}`;
let localRequests: Set<string> | undefined;
/** Requests a truly local client connecting straight to the gateway produces. */
function sentByLocalProcess(connection: LocalityCell): boolean {
  localRequests ??= new Set(localityCells().filter((c) => c.topology === "direct" && trulyLocal(c)).map(sameAs));
  return localRequests.has(sameAs(connection));
}

/** A pairing-locality answer that also names what gave the hasProxyHeaders it was handed. */
const withBy = <A extends object>(answer: A, by: string): A => ("by" in answer && Array.isArray(answer.by) ? { ...answer, by: [by, ...answer.by] } : answer);

interface ConnectClass {
  probe: Pick<PairingProbe, "client" | "origin" | "auth" | "reason">;
  /** the cells' `forwarded`: only the class matching the connection's own headers applies to it. */
  forwarded: boolean;
  /** connects of this class (for the observed locality) and those that reach pairing. */
  cells: number;
  reaching: Cell[];
}

function connectClasses(ctx: TopologyContext, glue: HandshakeGlue, connect: (cell: Cell) => boolean, locality: Cell["locality"]): ConnectClass[] {
  const classes = new Map<string, ConnectClass>();
  for (const cell of ctx.policyCells) {
    if (cell.locality !== locality || !connect(cell)) continue;
    const probe = { client: cell.client, origin: cell.origin as PairingProbe["origin"], auth: pairingAuthOf(cell)!, reason: pairingReasonOf(cell)! };
    const key = `${probe.client}|${probe.origin}|${probe.auth}|${probe.reason}|${cell.forwarded}`;
    const entry = classes.get(key) ?? { probe, forwarded: cell.forwarded, cells: 0, reaching: [] };
    entry.cells++;
    if (reachesPairing(ctx.verdict(cell)) && callerLetsSilentThrough(glue, cell)) entry.reaching.push(cell);
    classes.set(key, entry);
  }
  return [...classes.values()];
}

/**
 * A ground-truth property of connection × first pairing, decided by the implementation's own
 * pairing-locality code: each concrete connection's request (socket, Host, forwarding headers,
 * the release's own isLocalClient) with each connect class (client id/mode, Origin, auth) goes
 * through its resolvePairingLocality, shouldAllowSilentLocalPairing and backend self-pairing skip.
 * Connections a local process could have sent byte for byte, and implementations that cannot
 * answer, are unchecked with the reason, never holding.
 */
export function perConnectionAndPairing(
  ctx: TopologyContext,
  connection: (cell: LocalityCell) => boolean,
  connect: (cell: Cell) => boolean,
  violates: (locality: LocalityCell, truth: PairingTruth, reason: PairingReason) => string | undefined,
): TopologyFinding[] {
  const observe = ctx.impl.observePairing;
  const glue = ctx.impl.handshakeGlue;
  const noGlue = `${ctx.impl.ref} has no handshake glue to compose its pairing-locality code with`;
  const none: ConnectClass[] = [];
  const classes = glue ? { local: connectClasses(ctx, glue, connect, "local"), remote: connectClasses(ctx, glue, connect, "remote") } : { local: none, remote: none };
  // many connections hand the pairing code the same request facts: each is asked once per connect class
  const answered = new Map<string, { c: ConnectClass; answer: ReturnType<NonNullable<typeof observe>> }[]>();
  return TOPOLOGY_IDS.map((topology) => {
    const violations: TopologyViolation[] = [];
    const unchecked = new Map<string, number>();
    const skip = (reason: string, cells: number) => cells && unchecked.set(reason, (unchecked.get(reason) ?? 0) + cells);
    let checked = 0;
    for (const cell of ctx.localityCells) {
      if (cell.topology !== topology || !connection(cell)) continue;
      const observation = ctx.observe(cell);
      const request = observedRequest(cell);
      const forwarded = forwardedIn(request);
      const these = classes[observation.isLocalClient ? "local" : "remote"].filter((c) => c.forwarded === forwarded);
      const total = these.reduce((n, c) => n + c.cells, 0);
      // a connection no connect of the domain can ride on is reported, never silently skipped
      if (!glue) { skip(noGlue, 1); continue; }
      if (!these.length) { skip(`no ${forwarded ? "forwarded" : "unforwarded"} pairing connect in the selected cells carries this connection`, 1); continue; }
      if (!observe) { skip(`${ctx.impl.ref} has no observation of its pairing-locality code`, total); continue; }
      if (sentByLocalProcess(cell)) { skip(INDISTINGUISHABLE, total); continue; }
      if (refusedByAuth(observation)) { checked += total; continue; }
      // the handshake's hasProxyHeaders on this very request: the implementation's own glue
      const proxy = glue.hasProxyHeaders(request, observation.ingressKind);
      if ("unchecked" in proxy) { skip(proxy.unchecked, total); continue; }
      const facts = { socket: request.socketAddress ?? "", host: request.host, isLocalClient: observation.isLocalClient, hasProxyHeaders: proxy.value };
      const key = `${facts.socket}|${facts.host}|${facts.isLocalClient}|${facts.hasProxyHeaders}|${forwarded}`;
      let answers = answered.get(key);
      const proxyBy = `${proxy.by}=${proxy.value}`;
      if (!answers) answered.set(key, (answers = these.map((c) => ({ c, answer: withBy(observe({ ...facts, ...c.probe }), proxyBy) }))));
      let weight = 0;
      let first: { cell: Cell; message: string } | undefined;
      for (const { c, answer } of answers) {
        if ("unchecked" in answer) { skip(answer.unchecked, c.cells); continue; }
        if ("error" in answer) { skip(`the pairing code threw: ${answer.error}`, c.cells); continue; }
        checked += c.cells;
        const message = c.reaching.length ? violates(cell, answer, c.probe.reason) : undefined;
        if (!message) continue;
        weight += c.reaching.length;
        first ??= { cell: c.reaching[0]!, message };
      }
      if (first) violations.push({ locality: cell, observation, cell: first.cell, message: first.message, weight });
    }
    return { topology, cells: checked, violations, ...(unchecked.size ? { unchecked: [...unchecked].map(([reason, cells]) => ({ reason, cells })) } : {}) };
  });
}
