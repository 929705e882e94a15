import { sendsItsOrigin } from "../src/domain/cell-facts.ts";
import { alwaysAdmitted, authSucceedsWithoutDevice } from "./availability.ts";

export const controlUiBypassHonoured = alwaysAdmitted({
  id: "control-ui-bypass-honoured",
  statement: "A Control UI operator on a gateway configured with dangerouslyDisableDeviceAuth, whose auth succeeds, is admitted without a device.",
  why: "a bypass session must get what the config grants (#35944: with auth none the bypass fell through to 'device identity required')",
  // auth mode none, the case #35944 is about, exists from 2.19
  since: "2026.2.19",
  cells: (c) => c.client === "control-ui" && c.role === "operator" && c.device === "none" && c.dangerouslyDisableDeviceAuth && c.origin !== "foreign" && sendsItsOrigin(c) && authSucceedsWithoutDevice(c),
  message: (c, v) => `bypassed Control UI operator (auth ${c.authMode}) rejected: ${v.reason}`,
});
