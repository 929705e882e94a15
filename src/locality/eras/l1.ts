import { isIP } from "node:net";
import { always, decide, type RuleList } from "../../model/rule.ts";
import { hostAwareModelAt, hostNameWithoutPort, type HostAwareFacts } from "./host-aware-direct.ts";
import { LOOPBACK_BY_IPADDR } from "./loopback.ts";
import { defineEra, type LocalityEraDefinition } from "./model.ts";

/**
 * L1, 2026.2.22–3.28. Same shape as L0, but loopback means the ipaddr.js canonical parse, Host
 * is judged by `isLocalishHost`, and the client IP comes from the right-to-left walk (from 3.22
 * skipping loopback hops, see client-ip.ts).
 */
const HOST_LOCALISH: RuleList<string, boolean> = {
  name: "isLocalishHost",
  rules: [
    { id: "host.localish/empty", when: (name) => name === "", then: false, why: "no Host header (or an empty one) is not local" },
    { id: "host.localish/localhost", when: (name) => name === "localhost", then: true, why: "the name itself; `localhost.` with a trailing dot is not (later upstream tests accept it)" },
    {
      id: "host.localish/loopback-address",
      when: (name) => decide(LOOPBACK_BY_IPADDR, name).value,
      then: true,
      why: "any loopback address the canonical parse accepts: all of 127/8, ::1 in any notation, mapped forms",
    },
    { id: "host.localish/ts-net", when: (name) => name.endsWith(".ts.net"), then: true, why: "Tailscale Serve/Funnel names; any client can send such a Host" },
    { id: "host.localish/other", when: always, then: false, why: "LAN addresses and other names are not local" },
  ],
};

const LOCAL_DIRECT_L1: RuleList<HostAwareFacts, boolean> = {
  name: "isLocalDirectRequest (L1)",
  rules: [
    {
      id: "L1.local-direct/client-ip-not-loopback",
      when: (f) => !f.clientIpLoopback(),
      then: false,
      why: "the resolved client IP must be loopback; a failed-closed resolution (no IP) is not",
    },
    { id: "L1.local-direct/host-not-localish", when: (f) => !f.hostLocal(), then: false, why: "a loopback peer asking for a non-local Host is treated as remote" },
    {
      id: "L1.local-direct/forwarded-by-untrusted-peer",
      when: (f) => f.forwarded() && !f.peerTrusted(),
      then: false,
      why: "X-Forwarded-For, X-Real-IP or X-Forwarded-Host with a value, from a peer not in trustedProxies",
    },
    {
      id: "L1.local-direct/local",
      when: always,
      then: true,
      why: "loopback client and localish Host; a trusted proxy's word is enough, X-Forwarded-Proto and Forwarded are ignored",
    },
  ],
};

export const L1: LocalityEraDefinition = defineEra({
  id: "L1",
  title: "client IP loopback by ipaddr.js, localish Host, right-to-left X-Forwarded-For",
  since: "2026.2.22-1",
  until: "2026.3.31",
  modelAt: (version) =>
    hostAwareModelAt(version, {
      era: "L1",
      loopback: LOOPBACK_BY_IPADDR,
      host: HOST_LOCALISH,
      hostName: (header) => hostNameWithoutPort(header, true, (s) => isIP(s) === 6),
      localDirect: LOCAL_DIRECT_L1,
    }),
});
