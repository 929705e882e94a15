import type { Adapter } from "../../../differential/adapter.ts";
import type { PolicyFunctionName } from "../../../model/policy-functions.ts";

export { expectBoolean, obj, objectParam as objectParamReading, positional } from "../../../differential/adapter.ts";

/** A policy-function adapter: the one adapter interface, tagged with the model function it answers for. */
export interface RealAdapter<In = any, Out = any> extends Adapter<In, Out> {
  abstract: PolicyFunctionName;
  fromArgs(args: unknown[]): In;
  toResult(out: Out, input: In): unknown;
}
