import type { AuthCell } from "../auth/auth-cell.ts";
import type { Cell } from "../domain/cell.ts";

/**
 * The detailed auth cell a connect cell stands for, so the handshake's abstract auth step can be
 * held to the measured auth model: same mode and credential, direct or through the proxy the
 * credential implies (on its own socket class), on the WebSocket surface.
 */
export function authCellOf(cell: Cell): AuthCell {
  const tailscale = cell.authMode === "tailscale";
  const mode: AuthCell["mode"] = cell.authMode === "tailscale" ? "token" : cell.authMode;
  const secret = cell.credential === "secret-ok" ? "right" : cell.credential === "secret-wrong" ? "wrong" : "absent";
  const viaProxy = cell.credential === "proxy-ok" || cell.credential === "proxy-missing";
  const viaServe = cell.credential === "tailscale-ok" || cell.credential === "tailscale-missing";
  return {
    mode,
    secret: mode === "none" ? "unset" : "set",
    allowTailscale: tailscale,
    proxySetup: mode === "trusted-proxy" ? "user-header" : "n/a",
    // trusted-proxy mode has no token; a secret there is the password of the local fallback
    token: mode === "password" || mode === "trusted-proxy" ? "absent" : secret,
    password: mode === "password" || mode === "trusted-proxy" ? secret : "absent",
    via: viaProxy ? "trusted-proxy" : viaServe ? "tailscale-serve" : cell.locality === "local" ? "direct-local" : "direct-remote",
    proxyIdentity: mode !== "trusted-proxy" ? "n/a" : cell.credential === "proxy-ok" ? "full" : "none",
    tailscale: cell.credential === "tailscale-ok" ? "whois-match" : cell.credential === "tailscale-missing" ? "whois-mismatch" : "absent",
    surface: "ws-control-ui",
    // the proxy's socket is a cell field only where the proxy vouches (validity.ts); `lan` everywhere else
    proxySocket: cell.proxySocket,
  };
}
