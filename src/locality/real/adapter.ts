import type { Adapter } from "../../differential/adapter.ts";
import type { Signature } from "../../differential/signature.ts";
import type { ConcreteRequest } from "../request.ts";

export { expectType, objectParam } from "../../differential/adapter.ts";

/**
 * The locality functions a release is compared on, named as the reference model names them.
 * `ingressAttribution` answers with the attribution's kind only, as the model does.
 */
export const LOCALITY_FUNCTIONS = ["isLoopbackAddress", "resolveClientIp", "isLocalDirectRequest", "ingressAttribution"] as const;
export type LocalityFunction = (typeof LOCALITY_FUNCTIONS)[number];

/** What each function is asked about: an address text, or a whole request with its settings. */
export interface LocalityInputs {
  isLoopbackAddress: string;
  resolveClientIp: ConcreteRequest;
  isLocalDirectRequest: ConcreteRequest;
  ingressAttribution: ConcreteRequest;
}
export interface LocalityOutputs {
  isLoopbackAddress: boolean;
  resolveClientIp: string | undefined;
  isLocalDirectRequest: boolean;
  ingressAttribution: string;
}

/** A locality adapter: the one adapter interface over a function's model input and output. */
export type LocalityAdapter<F extends LocalityFunction = LocalityFunction> = Adapter<LocalityInputs[F], LocalityOutputs[F]> & { function: F };

/**
 * Positional parameters by name (a leading underscore, kept-but-unused, still matches); `req`
 * parameters must read nothing beyond what `toIncomingMessage` provides.
 */
export function positionalParams(...names: string[]) {
  return (sig: Signature) =>
    sig.params.length === names.length &&
    names.every((n, i) => sig.params[i]!.replace(/^_/, "") === n) &&
    sig.params.every((p, i) => p !== "req" || sig.reads[i]!.every((f) => f === "headers" || f === "socket"));
}
