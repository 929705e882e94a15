import { admitted, violation, type Property } from "../src/engine/property.ts";

export const controlUiRemoteNeedsDeviceOrProxyAuth: Property = {
  id: "control-ui-remote-needs-device-or-proxy-auth",
  statement: "A remote Control UI without a device is admitted only through trusted-proxy auth.",
  why: "the Control UI holds operator power in a browser; remotely it must be a paired device or sit behind an identity-aware proxy",
  kind: "cell",
  cells: (c) => c.client === "control-ui" && c.locality === "remote" && c.device === "none" && c.credential !== "proxy-ok",
  check: (c, ctx) => (admitted(ctx.verdict(c)) ? violation("remote device-less Control UI admitted without trusted-proxy auth") : undefined),
};
