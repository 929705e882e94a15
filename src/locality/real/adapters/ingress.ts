import { callDistinct, read, type Answer, type RealCall } from "../../../differential/adapter.ts";
import type { Release } from "../../../differential/release.ts";
import type { CallResult } from "../../../release/runner.ts";
import { toIncomingMessage, type ConcreteRequest, type Listener } from "../../request.ts";
import { objectParam, type LocalityAdapter } from "../adapter.ts";

/**
 * 8.1+: `resolveGatewayIngressAttribution({req, trustedProxies, allowRealIpFallback, tailscaleWhois})`
 * returns `{kind, ...}`. Which listener a request arrived on is not a parameter: the listener
 * records it in a module-level WeakMap keyed by the live request, and the function dispatches on
 * it. Neither the WeakMap nor the request's identity survives the trip into the worker, so:
 *
 * - ordinary listener: the exported function itself, unmarked requests being "ordinary" there too;
 * - Tailscale-managed listeners: the branch it dispatches those to, `resolveManagedTailscaleIngress
 *   ({req, mode, remoteAddress})`, called directly. `remoteAddress` is the socket peer as the
 *   dispatcher computes it: the release's own `resolveClientIp({remoteAddr})`, else the raw peer,
 *   else "unknown" (that fallback chain is the only glue reproduced here).
 *
 * A Serve attribution carries a `verifyIdentity` closure (the lazy WhoIs check), which cannot be
 * cloned out of the worker. On the managed Serve branch that is the only result with a function
 * in it, so a not-cloneable result there is read as kind "tailscale-serve".
 */
const INGRESS = "resolveGatewayIngressAttribution";
const MANAGED = "resolveManagedTailscaleIngress";
const PEER = "resolveClientIp";

const MODE: Record<Exclude<Listener, "ordinary">, "serve" | "funnel"> = { "tailscale-serve": "serve", "tailscale-funnel": "funnel" };
const NOT_CLONEABLE = /not structured-cloneable/;

function kindOf(fn: string) {
  return (value: unknown): string => {
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (typeof kind !== "string") throw new Error(`${fn} returned ${JSON.stringify(value)}, expected {kind}`);
    return kind;
  };
}

const ordinaryArgs = (req: ConcreteRequest) => [{ req: toIncomingMessage(req), trustedProxies: req.trustedProxies, allowRealIpFallback: req.allowRealIpFallback }];

async function attributeOrdinary(slice: Release, reqs: readonly ConcreteRequest[]): Promise<Answer<string>[]> {
  const calls: RealCall[] = reqs.map((req) => ({ fn: INGRESS, args: ordinaryArgs(req) }));
  const results = await callDistinct(slice, INGRESS, calls.map((c) => c.args));
  return results.map((r, i) => ({ ...read(r, kindOf(INGRESS)), call: calls[i]! }));
}

async function attributeManaged(slice: Release, reqs: readonly ConcreteRequest[]): Promise<Answer<string>[]> {
  const peers = await callDistinct(slice, PEER, reqs.map((req) => [{ remoteAddr: req.socketAddress }]));
  const calls: RealCall[] = reqs.map((req, i) => {
    const peer = peers[i]!;
    const remoteAddress = (peer.ok && typeof peer.value === "string" ? peer.value : undefined) ?? req.socketAddress ?? "unknown";
    const mode = MODE[req.listener as Exclude<Listener, "ordinary">];
    return { fn: MANAGED, args: [{ req: toIncomingMessage(req), mode, remoteAddress }] };
  });
  const results = await callDistinct(slice, MANAGED, calls.map((c) => c.args));
  return results.map((r: CallResult, i) => {
    const serveWithClosure = !r.ok && NOT_CLONEABLE.test(r.error) && (calls[i]!.args[0] as { mode: string }).mode === "serve";
    return { ...(serveWithClosure ? { ok: true as const, value: "tailscale-serve" } : read(r, kindOf(MANAGED))), call: calls[i]! };
  });
}

export const INGRESS_ATTRIBUTION: LocalityAdapter<"ingressAttribution"> = {
  function: "ingressAttribution",
  real: INGRESS,
  releases: { since: "2026.8.1" },
  shape: "params{req,trustedProxies,allowRealIpFallback,tailscaleWhois} → {kind}; managed listeners via resolveManagedTailscaleIngress{req,mode,remoteAddress}",
  matches: objectParam(["req", "trustedProxies", "allowRealIpFallback", "tailscaleWhois"], ["req"]),
  needs: {
    [MANAGED]: objectParam(["req", "mode", "remoteAddress", "tailscaleWhois"], ["req", "mode", "remoteAddress"]),
    [PEER]: objectParam(["remoteAddr", "forwardedFor", "realIp", "trustedProxies", "allowRealIpFallback"], ["remoteAddr"]),
  },
  // an ordinary-listener call; `run` below assembles the managed listeners' answers from two calls
  toArgs: ordinaryArgs,
  fromResult: kindOf(INGRESS),
  async run(slice, inputs) {
    const ordinary = inputs.flatMap((req, i) => (req.listener === "ordinary" ? [i] : []));
    const managed = inputs.flatMap((req, i) => (req.listener === "ordinary" ? [] : [i]));
    const answers: Answer<string>[] = new Array(inputs.length);
    const fill = (at: number[], got: Answer<string>[]) => at.forEach((i, n) => (answers[i] = got[n]!));
    fill(ordinary, await attributeOrdinary(slice, ordinary.map((i) => inputs[i]!)));
    if (managed.length) fill(managed, await attributeManaged(slice, managed.map((i) => inputs[i]!)));
    return answers;
  },
};
