// The one error a command throws for wrong arguments: the entry prints its message (and usage) and exits 2.
export class UsageError extends Error {
  constructor(
    message: string,
    /** False when the command was used right but cannot proceed (a file already exists): no usage text. */
    readonly showUsage = true,
  ) {
    super(message);
  }
}
