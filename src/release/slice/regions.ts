/**
 * rolldown wraps each source module's code in `//#region <path>` … `//#endregion`. The path
 * says where a declaration came from (src/gateway/… versus an extension's private copy).
 * Regions do not nest in its output, so the closest opening marker before a position decides.
 */
export function regionAt(text: string, pos: number): string | undefined {
  const open = text.lastIndexOf("//#region ", pos);
  if (open === -1 || text.lastIndexOf("//#endregion", pos) > open) return undefined;
  const eol = text.indexOf("\n", open);
  return text.slice(open + "//#region ".length, eol === -1 ? undefined : eol).trim();
}
