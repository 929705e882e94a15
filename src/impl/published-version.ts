import { CannotCheckError } from "../domain/errors.ts";
import { isVersion } from "../domain/versions.ts";
import { isPublished, nearestReleases, newestRelease } from "../model/releases.ts";

/** The published version a `latest`/`newest` alias or a version names, or exit 2 with the nearest ones. */
export function publishedVersion(spec: string): string {
  if (spec === "latest" || spec === "newest") return newestRelease();
  if (!isVersion(spec)) throw new CannotCheckError(`"${spec}" is not a version (expected e.g. 2026.3.13)`);
  if (!isPublished(spec)) {
    throw new CannotCheckError(`openclaw ${spec} was never published; nearest published: ${nearestReleases(spec).join(", ")}`);
  }
  return spec;
}
