const watched = () => !!process.stdout.isTTY && !!process.stderr.isTTY && !process.env.CI;

/** Progress lines on stderr only when a person is watching: output to a terminal, and not CI. */
export function progressReporter(): ((message: string) => void) | undefined {
  if (!watched()) return undefined;
  return (message) => process.stderr.write(`\r\x1b[2K${message}`);
}

export function endProgress(): void {
  if (watched()) process.stderr.write("\r\x1b[2K");
}
