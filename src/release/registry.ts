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
