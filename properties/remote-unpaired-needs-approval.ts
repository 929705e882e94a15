import { neverAdmitted } from "../src/engine/property-builders.ts";

export const remoteUnpairedNeedsApproval = neverAdmitted({
  id: "remote-unpaired-needs-approval",
  statement: "An unpaired device connecting from a remote address waits for an operator's approval.",
  why: "pairing is the moment a human vouches for a device; skipping it remotely trusts whoever holds the network path",
  cells: (c) => c.device === "unpaired" && c.locality === "remote",
  message: () => "remote unpaired device admitted without approval",
});
