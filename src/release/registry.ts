/**
 * Options handed to pacote. Kept in one place so tests can aim every network call at an
 * unreachable registry (CLAWPROOF_REGISTRY) and prove the warm path makes none.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { CannotCheckError } from "../domain/errors.ts";
import { cleanLeftovers, scratchPrefix } from "./integrity.ts";
import { npmConfig } from "./npm-config.ts";

export function registryUrl(explicit?: string): string | undefined {
  return explicit ?? process.env.CLAWPROOF_REGISTRY ?? undefined;
}

/** The user's npm configuration (registry, proxy, CA), then CLAWPROOF_REGISTRY or an explicit registry on top. */
export async function registryOptions(explicit?: string): Promise<Record<string, unknown>> {
  const registry = registryUrl(explicit);
  return {
    ...(await npmConfig()),
    ...(registry ? { registry } : {}),
    // Fail fast when offline: one quick retry covers a flaky connection, not a missing one.
    // (npm's flattened options carry `retry`, which npm-registry-fetch prefers to fetchRetries.)
    retry: { retries: 1, factor: 2, minTimeout: 300, maxTimeout: 1000 },
  };
}

/** Errors that mean "could not talk to the registry", as opposed to "the registry said no". */
export function isNetworkError(err: unknown): boolean {
  const e = err as { code?: string; errno?: string; type?: string; name?: string };
  const code = e?.code ?? e?.errno ?? "";
  if (/^E(CONNREFUSED|CONNRESET|NOTFOUND|AI_AGAIN|TIMEDOUT|HOSTUNREACH|NETUNREACH|PIPE|ADDRNOTAVAIL)$/.test(code)) return true;
  if (code === "ENOTCACHED" || code === "ERR_SOCKET_TIMEOUT") return true;
  return e?.type === "system" || e?.name === "FetchError";
}

/** The first line of an error, with its code when the message does not already carry it. */
export function oneLine(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const msg = (e?.message ?? String(err)).split("\n")[0]!;
  return e?.code && !msg.includes(e.code) ? `${e.code} ${msg}` : msg;
}

/** A registry call that failed, as one line: unreachable, or what the registry answered. */
export function registryError(what: string, err: unknown): CannotCheckError {
  if (err instanceof CannotCheckError) return err;
  return new CannotCheckError(isNetworkError(err) ? `${what}: the npm registry is unreachable: ${oneLine(err)}` : `${what}: ${oneLine(err)}`);
}

/**
 * Runs `fn` with a private pacote cache folder that is deleted afterwards: registry documents
 * and ~95 MB tarballs must not pile up in ~/.npm on behalf of clawproof. The folder carries the
 * pid, so a later run can remove what a killed download left behind.
 */
export async function withScratchCache<T>(root: string, fn: (cache: string) => Promise<T>): Promise<T> {
  await mkdir(root, { recursive: true });
  await cleanLeftovers();
  const dir = await mkdtemp(join(root, scratchPrefix()));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
