/**
 * Options handed to pacote. Kept in one place so tests can aim every network call at an
 * unreachable registry (CLAWPROOF_REGISTRY) and prove the warm path makes none.
 */
export function registryUrl(explicit?: string): string | undefined {
  return explicit ?? process.env.CLAWPROOF_REGISTRY ?? undefined;
}

export function registryOptions(explicit?: string): Record<string, unknown> {
  const registry = registryUrl(explicit);
  return {
    ...(registry ? { registry } : {}),
    // Fail fast when offline: one quick retry covers a flaky connection, not a missing one.
    fetchRetries: 1,
    fetchRetryMintimeout: 300,
    fetchRetryMaxtimeout: 1000,
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

/**
 * Runs `fn` with a private pacote cache folder that is deleted afterwards: registry documents
 * and ~95 MB tarballs must not pile up in ~/.npm on behalf of clawproof.
 */
export async function withScratchCache<T>(root: string, fn: (cache: string) => Promise<T>): Promise<T> {
  const { mkdtemp, rm, mkdir } = await import("node:fs/promises");
  const { join } = await import("node:path");
  await mkdir(root, { recursive: true });
  const dir = await mkdtemp(join(root, "pacote-"));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
