import type { Rule } from "./rule.ts";
import type { RoleSkipInput, TrustedProxyInput } from "./policy-functions.ts";

/** The two helpers the device gate consults; each one dated list used by every era. */
export const ROLE_SKIP_RULES: Rule<RoleSkipInput, boolean>[] = [
  { id: "role-skip.operator-shared", when: (i) => i.role === "operator" && i.sharedAuthOk, then: true,
    why: "only operators with a verified shared secret may skip the device (unchanged 2.22–9.6)" },
  { id: "role-skip.no", when: () => true, then: false, why: "nodes never skip device identity here" },
];

export const TRUSTED_PROXY_RULES: Rule<TrustedProxyInput, boolean>[] = [
  { id: "trusted-proxy.control-ui-operator", since: "2026.2.24",
    when: (i) => i.isControlUi && i.role === "operator" && i.authMode === "trusted-proxy" && i.authOk && i.authMethod === "trusted-proxy",
    then: true, why: "Control UI operator authenticated by the trusted proxy itself" },
  { id: "trusted-proxy.no", when: () => true, then: false, why: "anything else is not trusted-proxy operator auth" },
];
