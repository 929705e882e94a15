// Entry of the remote peer process: the compiled peer.js in a package, or the TypeScript source
// through tsx in a clone (as the CLI does).
import { existsSync } from "node:fs";

const compiled = new URL("./peer.js", import.meta.url);
if (existsSync(compiled)) await import(compiled.href);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./peer.ts");
}
