/**
 * Runs sliced release code in a worker thread, so release code never shares module state,
 * globals or prototypes with clawproof (or with another release). Calls are batched because
 * property checks evaluate thousands of inputs; one message round trip per batch, not per input.
 */
import { Worker } from "node:worker_threads";

/**
 * One evaluation. Values cross the thread boundary by structured clone, so `undefined` survives
 * as `{ ok: true, value: undefined }` (the `value` key is present). A result that cannot be
 * cloned (it holds a function) comes back as `{ ok: false, error }` saying so.
 */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Functions cannot be structured-cloned, yet some release functions take one (a Tailscale whois
 * lookup, an identity verifier). An argument marked with `functionReturning` crosses as plain
 * data and the worker revives it, wherever it sits in the arguments (plain objects and arrays
 * only), into a function that ignores its arguments and returns (or, `async`, resolves to) the
 * given value. The value is fixed per call, so a result stays a pure function of the JSON
 * arguments and a replay command can carry the marker as it is.
 */
export const FUNCTION_MARKER = "$clawproof:function";

export interface FunctionMarker {
  [FUNCTION_MARKER]: { returns: unknown; async: boolean };
}

export function functionReturning(returns: unknown, opts: { async?: boolean } = {}): FunctionMarker {
  return { [FUNCTION_MARKER]: { returns, async: opts.async === true } };
}

export interface RunnerModule {
  url: string;
  names: string[];
}

export interface RunnerReady {
  loaded: string[];
  /** Roots whose module did not import, with the reason. */
  failed: Record<string, string>;
}

interface Pending {
  resolve: (r: CallResult[]) => void;
  reject: (e: Error) => void;
}

export class SliceRunner {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private dead: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (msg: { id?: number; results?: CallResult[] }) => {
      const p = msg.id === undefined ? undefined : this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id!);
      this.idle();
      p.resolve(msg.results!);
    });
    const fail = (err: Error) => {
      this.dead ??= err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`slice worker exited (code ${code})`)));
  }

  /** Starts a worker, imports the modules and reports which roots are callable. */
  static async start(modules: RunnerModule[]): Promise<{ runner: SliceRunner; ready: RunnerReady }> {
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), { workerData: { modules } });
    const runner = new SliceRunner(worker);
    const ready = await new Promise<RunnerReady>((resolve, reject) => {
      worker.once("message", (m: { type?: string } & RunnerReady) => (m.type === "ready" ? resolve(m) : reject(new Error("bad hello"))));
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`slice worker exited during start (code ${code})`)));
    });
    runner.idle();
    return { runner, ready };
  }

  call(fn: string, argsList: unknown[][]): Promise<CallResult[]> {
    if (this.dead) return Promise.reject(this.dead);
    if (argsList.length === 0) return Promise.resolve([]);
    const id = this.nextId++;
    return new Promise<CallResult[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Keep the process alive only while answers are owed.
      this.worker.ref();
      try {
        this.worker.postMessage({ id, fn, argsList });
      } catch (err) {
        this.pending.delete(id);
        this.idle();
        reject(new Error(`arguments cannot be sent to the worker (not structured-cloneable): ${(err as Error).message}`));
      }
    });
  }

  async close(): Promise<void> {
    this.dead ??= new Error("slice runner is closed");
    await this.worker.terminate();
  }

  /** An idle worker must not keep the process alive, even if the caller forgets close(). */
  private idle(): void {
    if (this.pending.size === 0) this.worker.unref();
  }
}
