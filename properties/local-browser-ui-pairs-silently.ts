import { alwaysAdmitted, noKnobs } from "./availability.ts";

export const localBrowserUiPairsSilently = alwaysAdmitted({
  id: "local-browser-ui-pairs-silently",
  statement: "A new device of the Control UI or WebChat, opened on the gateway host (loopback Origin) with the right secret, is paired without waiting for an operator.",
  why: "the first-party browser UIs on the host are how an owner approves everything else; refusing them silent pairing locks the owner out of their own gateway",
  cells: (c) => (c.client === "control-ui" || c.client === "webchat") && c.device === "unpaired" && c.locality === "local" && c.origin === "loopback" &&
    c.credential === "secret-ok" && (c.authMode === "token" || c.authMode === "password") && noKnobs(c),
  message: (c, v) => `local ${c.client} with a new device and the secret rejected: ${v.reason}`,
});
