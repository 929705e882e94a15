import { callDistinct, expectBoolean } from "../../differential/adapter.ts";
import { chooseAdapter } from "../../differential/choose.ts";
import type { Release } from "../../differential/release.ts";
import { PROXY_GLUE } from "../../glue/layer.ts";
import { localityCells } from "../../locality/locality-domain.ts";
import { INGRESS_KINDS } from "../../locality/eras/model.ts";
import { toIncomingMessage, type ConcreteRequest } from "../../locality/request.ts";
import { observedRequest } from "../../pairing-locality/truth-probe.ts";
import type { HandshakeGlue } from "../handshake-glue.ts";

/**
 * The release's own sliced hasProxyHeaders glue on every concrete request the topologies deliver
 * (the glue layer judges it on a few header sets; the ground truth needs it on these): before 8.1
 * it reads the request's headers, from 8.1 the ingress attribution's kind, so it is asked per kind.
 * Stored per release like the other derived tables.
 */
export interface ProxyHeadersTable {
  /** the release has no sliced hasProxyHeaders glue: the model answers, and says so. */
  missing?: string;
  /** the glue reads something no request gives: every request is unchecked. */
  unusable?: string;
  real?: string;
  /** per request key (before 8.1) or ingress kind (from 8.1): the answer, or the error it threw. */
  answers: Record<string, boolean | { error: string }>;
  byIngress: boolean;
}

const requestKey = (r: ConcreteRequest) => JSON.stringify([r.socketAddress, r.host, r.origin, Object.entries(r.headers).sort(([a], [b]) => a.localeCompare(b))]);

/** The glue's arguments for one concrete request, by the one parameter its shape reads (see src/glue/adapters.ts). */
function argsFor(param: string, request: ConcreteRequest): unknown[] | undefined {
  if (param === "upgradeReq") return [{ upgradeReq: toIncomingMessage(request) }];
  if (param === "forwardedFor") return [{ forwardedFor: request.headers["x-forwarded-for"], realIp: request.headers["x-real-ip"] }];
  return undefined;
}

export async function proxyHeadersTable(release: Release): Promise<ProxyHeadersTable> {
  const adapter = chooseAdapter(PROXY_GLUE.adapters, release);
  if (!adapter) return { missing: `${release.ref} has no sliced glueHasProxyHeaders`, answers: {}, byIngress: false };
  const param = Object.keys((adapter.toArgs({ headers: "none", ingress: "direct-local" })[0] ?? {}) as object)[0] ?? "";
  const keys: string[] = [];
  const argsList: unknown[][] = [];
  if (param === "ingressAttribution") {
    for (const ingress of INGRESS_KINDS) (keys.push(ingress), argsList.push(adapter.toArgs({ ingress })));
  } else {
    const seen = new Set<string>();
    for (const cell of localityCells()) {
      const request = observedRequest(cell);
      const key = requestKey(request);
      if (seen.has(key)) continue;
      seen.add(key);
      const args = argsFor(param, request);
      if (!args) return { unusable: `${adapter.real} of ${release.ref} reads ${param}, which the ground truth cannot build from a request`, answers: {}, byIngress: false };
      keys.push(key);
      argsList.push(args);
    }
  }
  const results = await callDistinct(release, adapter.real, argsList);
  const answers: ProxyHeadersTable["answers"] = {};
  results.forEach((r, i) => {
    if (!r.ok) return void (answers[keys[i]!] = { error: r.error });
    try {
      answers[keys[i]!] = expectBoolean(adapter.real, r.value);
    } catch (error) {
      answers[keys[i]!] = { error: (error as Error).message };
    }
  });
  return { real: adapter.real, answers, byIngress: param === "ingressAttribution" };
}

/** Reads a stored table: a request it was not asked about is unchecked; no glue at all, the model's answer, named as the model's. */
export function proxyHeadersOf(table: ProxyHeadersTable, model: HandshakeGlue["hasProxyHeaders"]): HandshakeGlue["hasProxyHeaders"] {
  return (request, ingressKind) => {
    if (table.missing) return model(request, ingressKind);
    if (table.unusable) return { unchecked: table.unusable };
    const key = table.byIngress ? ingressKind ?? "" : requestKey(request);
    const answer = table.answers[key];
    if (answer === undefined) return { unchecked: `${table.real} was not asked about ${table.byIngress ? `ingress ${key || "(none)"}` : "this request"}` };
    if (typeof answer !== "boolean") return { unchecked: `${table.real} threw: ${answer.error}` };
    return { value: answer, by: `openclaw:${table.real}` };
  };
}
