import { callReplay } from "../../impl/release/agreement.ts";
import type { Agreement } from "../../impl/release/agreement.ts";
import { localityModelAt, type LocalityModel } from "../locality-model.ts";
import type { ConcreteRequest } from "../request.ts";
import { LOCALITY_FUNCTIONS, type Answer, type LocalityFunction, type LocalityInputs, type LocalityOutputs, type RealCall } from "./adapter.ts";
import type { Probe } from "./inputs.ts";
import type { LocalityRelease } from "./open.ts";

/** The inputs of one run: address texts for isLoopbackAddress, requests for everything else. */
export interface LocalityProbes {
  addresses: readonly Probe<string>[];
  requests: readonly Probe<ConcreteRequest>[];
}

/** One function's run: its agreement and, when the release has it, the answers in probe order. */
export interface FunctionRun<F extends LocalityFunction> {
  agreement: Agreement;
  answers?: Answer<LocalityOutputs[F]>[];
}
export type LocalityRun = { [F in LocalityFunction]: FunctionRun<F> };

/** What the model answers, or `undefined` where it has no such function at this version. */
function modelAnswer<F extends LocalityFunction>(model: LocalityModel, fn: F): ((input: LocalityInputs[F]) => LocalityOutputs[F]) | undefined {
  const answer = {
    isLoopbackAddress: (a: string) => model.isLoopbackAddress(a).value,
    resolveClientIp: (r: ConcreteRequest) => model.resolveClientIp(r).value,
    isLocalDirectRequest: (r: ConcreteRequest) => model.isLocalDirectRequest(r).value,
    ingressAttribution: model.ingressAttribution && ((r: ConcreteRequest) => model.ingressAttribution!(r).value),
  }[fn];
  return answer as ((input: LocalityInputs[F]) => LocalityOutputs[F]) | undefined;
}

/**
 * Runs every function the release has on its probes (one batched run each) and compares each
 * answer with the model's. A release error counts as a mismatch: the model never throws.
 */
export async function runLocality(release: LocalityRelease, probes: LocalityProbes): Promise<LocalityRun> {
  const model = localityModelAt(release.version);
  const run = {} as Record<LocalityFunction, FunctionRun<LocalityFunction>>;
  for (const fn of LOCALITY_FUNCTIONS) {
    const bound = release.bound[fn] as LocalityRelease["bound"][LocalityFunction] | undefined;
    if (!bound) {
      run[fn] = { agreement: { function: fn, status: "not-in-release", cells: 0, mismatches: 0, note: release.absent[fn] } };
      continue;
    }
    const list = (fn === "isLoopbackAddress" ? probes.addresses : probes.requests) as readonly Probe<LocalityInputs[LocalityFunction]>[];
    const answers = await bound.run(list.map((p) => p.input) as never[]);
    const expected = modelAnswer(model, fn) as ((input: unknown) => unknown) | undefined;
    let mismatches = 0;
    let example: Agreement["example"];
    answers.forEach((answer, i) => {
      const want = expected ? expected(list[i]!.input) : "(the model has no such function at this version)";
      const got = answer.ok ? answer.value : { error: answer.error };
      if (answer.ok && want === got) return;
      mismatches++;
      example ??= { input: { probe: list[i]!.label, [fn === "isLoopbackAddress" ? "address" : "request"]: list[i]!.input }, model: want, release: got, replay: replay(release.ref, answer.call) };
    });
    run[fn] = {
      answers,
      agreement: {
        function: fn,
        real: bound.adapter.real,
        shape: bound.adapter.shape,
        status: mismatches ? "mismatch" : "agrees",
        cells: answers.length,
        mismatches,
        ...(example ? { example } : {}),
        note: `sliced from ${bound.region ?? "an unmarked region"}`,
      },
    };
  }
  return run as unknown as LocalityRun;
}

/** The command that reproduces one answer; single quotes in the JSON are closed and escaped for the shell. */
export function replay(ref: string, call: RealCall): string {
  return callReplay(ref, call.fn, call.args);
}
