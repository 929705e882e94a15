import { neverAdmitted } from "../src/engine/property-builders.ts";

export const controlUiRemoteNeedsDeviceOrProxyAuth = neverAdmitted({
  id: "control-ui-remote-needs-device-or-proxy-auth",
  statement: "A remote Control UI without a device is admitted only through trusted-proxy auth.",
  why: "the Control UI holds operator power in a browser; remotely it must be a paired device or sit behind an identity-aware proxy",
  cells: (c) => c.client === "control-ui" && c.locality === "remote" && c.device === "none" && c.credential !== "proxy-ok",
  message: () => "remote device-less Control UI admitted without trusted-proxy auth",
});
