/** Everything a command touches outside its arguments, passed in so that tests can call commands directly. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Whether stderr is a terminal (progress is quiet otherwise). */
  readonly isTTY?: boolean;
  /** The input stream, for commands that read requests from it (select --stdin). */
  readonly stdin?: NodeJS.ReadableStream;
}

/** Where register writes and select reads when no path is given, in the working folder. */
export const DEFAULT_SNAPSHOT_FILE = "provider_registry_snapshot.json";

export type Command = (argv: string[], io: CliIO) => Promise<number>;
