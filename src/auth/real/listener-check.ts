import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CannotCheckError } from "../../domain/errors.ts";
import { resolveBareFromRepo } from "../../release/bare.ts";
import { fetchRelease } from "../../release/fetch.ts";
import { DEFAULT_STUBS, loadRelease } from "../../release/load.ts";
import { SliceRunner, type CallResult } from "../../release/runner.ts";
import { Dist, sliceRelease } from "../../release/slice/index.ts";
import { authArgs } from "../auth-args.ts";
import type { AuthCell } from "../auth-cell.ts";
import { WHOIS_PARAM } from "./adapters.ts";

/**
 * 8.1+ keep the listener a request arrived on in a module-private WeakMap, set by
 * markGatewayIngressTransport from the server. The agreement's adapter therefore hands
 * authorizeGatewayConnect the attribution the Tailscale-serve listener would produce. This check
 * removes that stand-in: it slices authorizeGatewayConnect together with
 * markGatewayIngressTransport (one module, so one WeakMap), marks each request as the server
 * would, and lets the release attribute it and verify the identity with its own code.
 */
const ROOTS = ["authorizeGatewayConnect", "markGatewayIngressTransport"];

const WRAPPER = `import { authorizeGatewayConnect, markGatewayIngressTransport } from "./slice.mjs";
// the server marks each request with its listener before any policy runs, then authorizes it
export async function authorizeOnListener(params, transport) {
  markGatewayIngressTransport(params.req, transport);
  return authorizeGatewayConnect(params);
}
`;

export interface ListenerRun {
  results: CallResult[];
  /** module-level `requestTransport` declarations in the combined slice: 1 means the WeakMap is shared. */
  transportMaps: number;
}

/** Runs cells through the release as the server would on its Tailscale-serve listener (or the ordinary one). */
export async function authorizeOnListener(version: string, cells: readonly AuthCell[]): Promise<ListenerRun> {
  // loadRelease fetches the release into the cache when needed, and says whether both roots exist
  const probe = await loadRelease(version, ROOTS);
  await probe.close();
  if (probe.found.length !== ROOTS.length) throw new CannotCheckError(`openclaw@${version} has no ${ROOTS.filter((r) => !probe.found.includes(r)).join(", ")}`);
  const { code } = sliceRelease(new Dist((await fetchRelease(version)).distDir), ROOTS, { stubs: DEFAULT_STUBS, resolveBare: resolveBareFromRepo });
  const dir = mkdtempSync(join(tmpdir(), "clawproof-listener-"));
  try {
    writeFileSync(join(dir, "slice.mjs"), code!);
    writeFileSync(join(dir, "wrapper.mjs"), WRAPPER);
    const { runner, ready } = await SliceRunner.start([{ url: pathToFileURL(join(dir, "wrapper.mjs")).href, names: ["authorizeOnListener"] }]);
    try {
      if (!ready.loaded.length) throw new CannotCheckError(`listener slice of openclaw@${version} did not load: ${JSON.stringify(ready.failed)}`);
      const argsList = cells.map((c) => {
        const args = authArgs(c);
        const transport = args.request.listener === "tailscale-serve" ? { kind: "managed-tailscale", mode: "serve" } : { kind: "ordinary" };
        return [WHOIS_PARAM.toArgs(c)[0], transport];
      });
      return { results: await runner.call("authorizeOnListener", argsList), transportMaps: code!.match(/^const requestTransport\b/gm)?.length ?? 0 };
    } finally {
      await runner.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
