/** Everything a command touches outside its arguments, passed in so that tests can call commands directly. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Whether stderr is a terminal (progress is quiet otherwise). */
  readonly isTTY?: boolean;
}

export type Command = (argv: string[], io: CliIO) => Promise<number>;
