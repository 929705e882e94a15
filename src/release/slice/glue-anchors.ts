/**
 * Where the handshake keeps logic inline (no function of its own), named as a statement inside a
 * named function, so the statement slicer (glue.ts) can cut it out like an export. Each entry is
 * one known shape; the glue layer (src/glue) says which releases each was seen in.
 *
 * `inputs` are where tracing stops: the callable takes them as fields of one object. `holes`
 * are calls to a named helper replaced by its answer, also an input (the helper is sliced and
 * judged on its own by another layer). `pins` are names fixed to a constant: approval lanes the
 * domain does not model, at their configured-off value. Anything else the statement uses must be
 * a `const` in scope (followed), a module-level declaration (sliced) or a global; else it is
 * refused.
 */
export type GlueAnchor =
  /** the initialiser of `const <name> = …` */
  | { kind: "declarator"; name: string }
  /** the value of `<property>:` in an object literal passed to `<call>(…)`, or returned by the enclosing function */
  | { kind: "property"; property: string; call?: string; returned?: true }
  /** the test of an `if` whose consequent calls `<calls>(…)` or returns the string `<returns>` */
  | { kind: "if-test"; calls?: string; returns?: string }
  /**
   * when the `let <name>` is emptied (`<name> = []`): the conditions on the way there, from the
   * `if` that reads `<branch>` down (glue-empties.ts); with no write to it at all, proven never.
   */
  | { kind: "empties"; name: string; branch: string };

export interface GlueSpec {
  /** a module-level function, then nested function names, the anchor is searched in. */
  within: readonly string[];
  anchor: GlueAnchor;
  inputs: readonly string[];
  holes?: readonly string[];
  pins?: Readonly<Record<string, unknown>>;
  /** the function the inline logic became: where a chunk declares it, nothing is inline to cut (the anchor is missing there). */
  becameFunction?: string;
  /** the anchor's value as a boolean (an `if` test is read by truthiness). */
  truthy?: true;
}

/** Approval lanes beside silent local pairing (bootstrap and setup codes, trusted CIDRs): off unless configured. */
const OTHER_LANES_OFF = {
  allowSilentBootstrapPairing: false,
  allowSilentTrustedCidrsNodePairing: false,
  allowSetupCodeMobileBootstrapPairing: false,
  allowSetupCodeHandoffBootstrapPairing: false,
  allowControlUiOperatorBootstrapPairing: false,
};
const PAIRING_INPUTS = ["reason", "existingPairedDevice", "role", "isLocalClient"];
const SILENT_HELPER = ["shouldAllowSilentLocalPairing"];

export const GLUE_ANCHORS: Readonly<Record<string, GlueSpec>> = {
  /** ≤7.35: the `silent:` the connect handler's requirePairing passes to requestDevicePairing. */
  gluePairingSilentRequest: {
    within: ["attachGatewayWsMessageHandler", "requirePairing"],
    anchor: { kind: "property", property: "silent", call: "requestDevicePairing" },
    inputs: PAIRING_INPUTS, holes: SILENT_HELPER, pins: OTHER_LANES_OFF,
  },
  /** 8.1–: the `silent` of the pairing approval plan. */
  gluePairingSilentPlan: {
    within: ["resolvePairingApprovalPlan"],
    anchor: { kind: "property", property: "silent", returned: true },
    inputs: PAIRING_INPUTS, holes: SILENT_HELPER, pins: OTHER_LANES_OFF,
  },
  /** 9.x: the local approval's own test (its other lane is the trusted-CIDR one, off). */
  gluePairingSilentLocal: {
    within: ["resolveLocalPairingApproval"],
    anchor: { kind: "if-test", returns: "silent" },
    inputs: PAIRING_INPUTS, holes: SILENT_HELPER, truthy: true,
  },
  /** the connect handler's hasProxyHeaders, over what it is computed from (the forwarded header values, the request, or the ingress attribution). */
  glueHasProxyHeaders: {
    within: ["attachGatewayWsMessageHandler"],
    anchor: { kind: "declarator", name: "hasProxyHeaders" },
    inputs: ["forwardedFor", "realIp", "upgradeReq", "ingressAttribution"],
  },
  /** whether the connect handler runs checkBrowserOrigin for this client (≤7.35: inline in the handler). */
  glueOriginGuardHandler: {
    within: ["attachGatewayWsMessageHandler"],
    anchor: { kind: "if-test", calls: "checkBrowserOrigin" },
    inputs: ["enforceOriginCheckForAnyClient", "isControlUi", "isBrowserOperatorUi", "isWebchat"], truthy: true,
  },
  /** 8.1–: the same guard in the admission phase (a browser copilot's canonical extension origin skips it: no copilot here). */
  glueOriginGuardAdmit: {
    within: ["admitGatewayConnect"],
    anchor: { kind: "if-test", calls: "checkBrowserOrigin" },
    inputs: ["enforceOriginCheckForAnyClient", "isControlUi", "isBrowserOperatorUi", "isWebchat"], pins: { browserCopilotOrigin: undefined }, truthy: true,
  },
  /**
   * ≤3.28: whether the connect handler empties a device-less client's declared scopes (inline,
   * before shouldClearUnboundScopesForMissingDeviceIdentity; from 3.31 that call is the guard).
   */
  glueScopeClear: {
    within: ["attachGatewayWsMessageHandler"],
    anchor: { kind: "empties", name: "scopes", branch: "device" },
    inputs: [
      "device", "scopes", "allowControlUiBypass", "controlUiAuthPolicy", "sharedAuthOk", "isControlUi", "decision",
      "preserveInsecureLocalControlUiScopes", "authMethod", "trustedProxyAuthOk",
    ],
    becameFunction: "shouldClearUnboundScopesForMissingDeviceIdentity",
    truthy: true,
  },
};

export const isGlueExport = (name: string): boolean => Object.hasOwn(GLUE_ANCHORS, name);
