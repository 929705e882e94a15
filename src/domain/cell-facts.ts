import type { Cell } from "./cell.ts";
import { isValidCell } from "./validity.ts";

/**
 * Era-independent facts about a cell that properties are stated in. They describe what the
 * client holds, not what any release makes of it.
 */

/** The client presented something that proves who it is (whatever a given release accepts). */
export function presentsVerifiedCredential(c: Cell): boolean {
  // a paired device's own token beside a secret proves the device, whatever the secret
  if (c.withDeviceToken && c.device !== "none") return true;
  switch (c.credential) {
    case "secret-ok":
      // in trusted-proxy mode the password only counts for a local direct caller (the fallback)
      return c.authMode !== "trusted-proxy" || c.locality === "local";
    case "proxy-ok":
      return true;
    case "tailscale-ok":
      return c.locality === "remote";
    case "device-token":
    case "bootstrap-token":
      return c.device !== "none";
    default:
      return false;
  }
}

/** The gateway has a secret or identity check and the client failed it. */
export function failsAuth(c: Cell): boolean {
  if (c.authMode === "none" || c.withDeviceToken) return false;
  if (c.authMode === "trusted-proxy" && c.credential === "secret-ok") return c.locality === "remote";
  return c.credential === "none" || c.credential === "secret-wrong" || c.credential === "proxy-missing" || c.credential === "tailscale-missing";
}

/**
 * The same connect without its shared secret: no credential, or only the device token that was
 * sent beside the secret. Undefined when that is not a valid connect.
 */
export function withoutSecret(c: Cell): Cell | undefined {
  return c.withDeviceToken ? withField({ ...c, withDeviceToken: false }, "credential", "device-token") : withField(c, "credential", "none");
}

/** The same cell with one field changed, or undefined when that is not a valid connect. */
export function withField<K extends keyof Cell>(cell: Cell, field: K, value: Cell[K]): Cell | undefined {
  const next = { ...cell, [field]: value };
  return isValidCell(next) ? next : undefined;
}

/**
 * The client is what it says it is as far as the browser goes: the Control UI and WebChat run in a
 * browser, which always sends the page's Origin; one of them without an Origin is a script
 * claiming that client id (real gateways refuse it as origin not allowed, measured live).
 */
export function sendsItsOrigin(c: Cell): boolean {
  return c.origin !== "none" || (c.client !== "control-ui" && c.client !== "webchat");
}

/** The credential that verifies in the cell's auth mode, if the mode has one. */
export function verifyingCredential(c: Cell): Cell["credential"] | undefined {
  switch (c.authMode) {
    case "token":
    case "password":
      return "secret-ok";
    case "trusted-proxy":
      return "proxy-ok";
    case "tailscale":
      return c.locality === "remote" ? "tailscale-ok" : "secret-ok";
    default:
      return undefined;
  }
}
