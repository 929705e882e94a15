// Entry of the remote peer process: TypeScript sources run through tsx, as the CLI does.
import { register } from "tsx/esm/api";

register();
await import("./peer.ts");
