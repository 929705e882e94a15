import { sendsItsOrigin } from "../src/domain/cell-facts.ts";
import { alwaysAdmitted, noKnobs } from "./availability.ts";

export const trustedProxyOperatorAdmitted = alwaysAdmitted({
  id: "trusted-proxy-operator-admitted",
  statement: "In trusted-proxy mode, an operator the configured proxy vouches for is admitted without a device, like one holding the shared secret.",
  why: "a configured trusted proxy is the gateway's authentication; ignoring its word locks out every user behind it",
  since: "2026.2.17",
  // a proxy on another host; a same-host one is configured-loopback-proxy-honoured's
  cells: (c) => c.authMode === "trusted-proxy" && c.credential === "proxy-ok" && c.proxySocket === "lan" && c.role === "operator" && c.device === "none" && c.origin === "none" && c.client !== "control-ui" && sendsItsOrigin(c) && noKnobs(c),
  message: (_c, v) => `operator vouched for by the trusted proxy rejected: ${v.reason}`,
});
