import { neverAdmitted } from "../src/engine/property-builders.ts";

export const browserOriginNoAutoPairing = neverAdmitted({
  id: "browser-origin-no-auto-pairing",
  statement: "A new device on a connect that carries a browser Origin but claims a non-browser client is never paired without approval.",
  why: "any web page can open a WebSocket to a loopback gateway and claim to be the CLI or a backend; only the real browser UIs have an Origin by design",
  cells: (c) => c.origin !== "none" && c.client !== "control-ui" && c.client !== "webchat" && c.device === "unpaired",
  message: (c) => `unpaired device with a browser Origin admitted as ${c.client}`,
});
