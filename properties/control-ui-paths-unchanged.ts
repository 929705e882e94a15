import { unchangedFromBase } from "../src/engine/property-builders.ts";

export const controlUiPathsUnchanged = unchangedFromBase({
  id: "control-ui-paths-unchanged",
  statement: "A candidate decides every Control UI connect exactly as its base does.",
  why: "the Control UI path has its own knobs (allowInsecureAuth, dangerouslyDisableDeviceAuth); a change elsewhere must not leak into it",
  cells: (c) => c.client === "control-ui",
  what: "Control UI",
});
