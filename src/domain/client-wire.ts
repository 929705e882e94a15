import type { Client } from "./cell.ts";

/**
 * How each client kind names itself in `connect` (client.id / client.mode), as the real client
 * sends it. One table for everything that builds a concrete connect (the live harness, the
 * pairing-locality probe), so the two never drift apart.
 *
 * The Control UI connects as `openclaw-control-ui` in mode `webchat`, not `ui`: read from the
 * Control UI's own gateway connect (upstream ui/src/ui/app-gateway.ts, clientName
 * "openclaw-control-ui", mode "webchat"; 9.6 leaves it overridable and defaults to webchat) and
 * confirmed in the shipped dist/control-ui bundles of 2026.2.24, 2026.3.13 and 2026.9.6. The mode
 * matters: the gateway's isWebchatClient is true for mode webchat, so a Control UI sent in mode
 * `ui` is a client the real UI never is. No release in the domain sent another mode.
 */
export const CLIENT_WIRE: Record<Client, { id: string; mode: string }> = {
  cli: { id: "cli", mode: "cli" },
  backend: { id: "gateway-client", mode: "backend" },
  "node-host": { id: "node-host", mode: "node" },
  webchat: { id: "webchat", mode: "webchat" },
  "control-ui": { id: "openclaw-control-ui", mode: "webchat" },
  other: { id: "test", mode: "test" },
};
