import { registerRefLoader, publishedVersion } from "../resolve-ref.ts";
import { releaseImplementation } from "./release-impl.ts";

/** `openclaw@<version>` and `openclaw@latest` resolve to sliced releases. */
export function registerReleaseLoader(onProgress?: (message: string) => void): void {
  registerRefLoader("openclaw@", async (spec) => {
    const version = publishedVersion(spec);
    return releaseImplementation(version, `openclaw@${version}`, onProgress);
  });
}
