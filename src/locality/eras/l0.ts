import { isIP } from "node:net";
import { compareVersions } from "../../domain/versions.ts";
import { always, type RuleList } from "../../model/rule.ts";
import { hostAwareModelAt, hostNameWithoutPort, type HostAwareFacts } from "./host-aware-direct.ts";
import { LOOPBACK_BY_PREFIX } from "./loopback.ts";
import { defineEra, type LocalityEraDefinition } from "./model.ts";

/**
 * L0, through 2026.2.21. Local = the client IP is loopback by string prefix, the Host name is one
 * of three exact names or *.ts.net, and forwarding headers come only from a trusted proxy.
 * The client IP is the left-most X-Forwarded-For entry behind a trusted proxy until 2.21, which
 * already has the L1 right-to-left walk (see client-ip.ts).
 */
const HOST_EXACT: RuleList<string, boolean> = {
  name: "isLocalDirectRequest: Host check (exact names)",
  rules: [
    {
      id: "host.exact/local-name",
      when: (name) => name === "localhost" || name === "127.0.0.1" || name === "::1",
      then: true,
      why: "three literal names; 127.0.0.2 is not one, and through 2.16 a bare `::1` Host is cut at its first colon to an empty name",
    },
    { id: "host.exact/ts-net", when: (name) => name.endsWith(".ts.net"), then: true, why: "Tailscale Serve names; any client can send such a Host" },
    { id: "host.exact/other", when: always, then: false, why: "LAN addresses, other names and a missing Host are not local" },
  ],
};

const LOCAL_DIRECT_L0: RuleList<HostAwareFacts, boolean> = {
  name: "isLocalDirectRequest (L0)",
  rules: [
    {
      id: "L0.local-direct/client-ip-not-loopback",
      when: (f) => !f.clientIpLoopback(),
      then: false,
      why: "the resolved client IP (the socket, or a header behind a trusted proxy) must start 127. or be ::1",
    },
    { id: "L0.local-direct/host-not-local", when: (f) => !f.hostLocal(), then: false, why: "a loopback peer asking for a non-local Host is treated as remote" },
    {
      id: "L0.local-direct/forwarded-by-untrusted-peer",
      when: (f) => f.forwarded() && !f.peerTrusted(),
      then: false,
      why: "X-Forwarded-For, X-Real-IP or X-Forwarded-Host with a value, from a peer not in trustedProxies",
    },
    {
      id: "L0.local-direct/local",
      when: always,
      then: true,
      why: "loopback client and local Host; X-Forwarded-Proto and Forwarded are not looked at",
    },
  ],
};

export const L0: LocalityEraDefinition = defineEra({
  id: "L0",
  title: "client IP loopback by string prefix, exact local Host names",
  until: "2026.2.22-1",
  modelAt: (version) =>
    hostAwareModelAt(version, {
      era: "L0",
      loopback: LOOPBACK_BY_PREFIX,
      host: HOST_EXACT,
      // measured: sliced 2.17 isLocalDirectRequest takes a bare (trimmed) `::1` Host as local, 2.12 does not
      hostName: (header) => hostNameWithoutPort(header, compareVersions(version, "2026.2.17") >= 0, (s) => isIP(s) === 6),
      localDirect: LOCAL_DIRECT_L0,
    }),
});
