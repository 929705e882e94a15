import { withoutSecret } from "../src/domain/cell-facts.ts";
import { neverWorseWith } from "../src/engine/property-builders.ts";

export const wrongSecretNoBetterThanNone = neverWorseWith({
  id: "wrong-secret-no-better-than-none",
  statement: "Sending a wrong secret never admits a connect that sending no secret would reject.",
  why: "guessing must not pay: a failed credential may only ever lower what a client gets",
  cells: (c) => c.credential === "secret-wrong",
  // beside a device token, "no secret" is that device token alone
  stronger: withoutSecret,
  label: "with no secret",
  message: () => "admitted with a wrong secret, rejected with none",
});
