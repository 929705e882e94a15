/** Progress lines on stderr only when a person is watching: a terminal, and not CI. */
export function progressReporter(): ((message: string) => void) | undefined {
  if (!process.stderr.isTTY || process.env.CI) return undefined;
  return (message) => process.stderr.write(`\r\x1b[2K${message}`);
}

export function endProgress(): void {
  if (process.stderr.isTTY && !process.env.CI) process.stderr.write("\r\x1b[2K");
}
