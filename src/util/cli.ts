import { parseArgs } from "node:util";
import { plainText } from "./terminal.ts";

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

/** A command's options, as `node:util` `parseArgs` takes them; `--help`/`-h` is added to every command. */
export type CommandOptions = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

type Values<O extends CommandOptions> = {
  [K in keyof O]?: O[K]["type"] extends "string" ? (O[K]["multiple"] extends true ? string[] : string) : O[K]["multiple"] extends true ? boolean[] : boolean;
} & { help?: boolean };

/**
 * The one argument parser of every command: `node:util` `parseArgs` (strict; `--flag=value` and `--flag value` alike)
 * with its English errors turned into Vietnamese `UsageError`s the entry prints with the usage text (exit 2).
 */
export function parseCommandArgs<O extends CommandOptions>(
  argv: readonly string[],
  options: O,
  config: { positionals?: boolean } = {},
): { values: Values<O>; positionals: string[] } {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: config.positionals ?? false, strict: true });
  } catch (error) {
    throw new UsageError(vietnameseArgError(error as Error & { code?: string }));
  }
  for (const [name, value] of Object.entries(parsed.values)) {
    if (options[name]?.type === "string" && (value === "" || (Array.isArray(value) && value.includes("")))) throw new UsageError(`Thiếu giá trị sau --${name}.`);
  }
  return { values: parsed.values as Values<O>, positionals: parsed.positionals };
}

function vietnameseArgError(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  const option = quoted.split(" ")[0] ?? quoted;
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `Không hiểu tùy chọn "${option}".`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `Không hiểu tham số "${option}".`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /does not take an argument/.test(error.message) ? `Tùy chọn ${option} không nhận giá trị.` : `Thiếu giá trị sau ${option}.`;
    default:
      return `Không hiểu các tham số: ${error.message}`;
  }
}

/** Where a command writes: the process's streams, or a test's sinks. */
export interface CommandStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const PROCESS_STREAMS: CommandStreams = { stdout: process.stdout, stderr: process.stderr };

/**
 * Parses a command's arguments, or answers for it: misuse prints the message (control characters made
 * visible) and the usage, status 2; `--help` prints the usage, status 0.
 */
export function argsOrExit<A extends { help?: boolean }>(parse: () => A, usage: string, io: CommandStreams): { args: A } | { exit: number } {
  let args: A;
  try {
    args = parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${plainText(error.message)}\n\n${usage}`);
    return { exit: 2 };
  }
  if (args.help) {
    io.stdout.write(usage);
    return { exit: 0 };
  }
  return { args };
}
