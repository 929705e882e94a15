import type { ConcreteRequest } from "../locality/request.ts";
import type { PairingGlueInput, PolicyFunctions } from "../model/policy-functions.ts";
import { hasProxyHeadersAt } from "../pairing-locality/truth-probe.ts";

/** hasProxyHeaders on one concrete request: the answer and what gave it, or why there is none (unchecked, never a pass). */
export type ProxyHeadersAnswer = { value: boolean; by: string } | { unchecked: string };

/**
 * The handshake glue the pairing ground truth composes with the pairing-locality code: whether
 * the handshake sees proxy headers on the request a topology delivered, and whether the caller
 * lets a silent-pairing yes pair a request silently. A release's own sliced glue where it has it.
 */
export interface HandshakeGlue {
  hasProxyHeaders(request: ConcreteRequest, ingressKind: string | undefined): ProxyHeadersAnswer;
  /** the implementation's pairing glue (its handshake's own policy function; may throw CannotCheckError). */
  pairingSilent: PolicyFunctions["pairingGlue"];
}

/** The model's glue at a version, over the model's own (possibly patched) pairing glue. */
export function modelHandshakeGlue(version: string, functions: Pick<PolicyFunctions, "pairingGlue">): HandshakeGlue {
  return {
    hasProxyHeaders: (request, ingressKind) => ({ value: hasProxyHeadersAt(version, request, ingressKind), by: "model:hasProxyHeaders" }),
    pairingSilent: (input: PairingGlueInput) => functions.pairingGlue(input),
  };
}
