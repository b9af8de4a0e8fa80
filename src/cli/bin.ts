#!/usr/bin/env -S node --
// The `--` above: Node 20 reads `--env-file` from anywhere on its command line, even after the script's path, and
// would load (or, for a missing file, exit 9 over) our own `register --env-file`. After `--`, Node reads no option.
import { main } from "./main.js";

// Output piped into a reader that stops early (`| head`): the pipe closes, and the next write fails with EPIPE.
// That is the reader's choice, not an error: stop writing and end quietly, with the exit code the run has so far.
let closed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    closed = true;
    process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
  });
}
const write = (stream: NodeJS.WriteStream) => (text: string) => {
  if (!closed) stream.write(text);
};

const code = await main(process.argv.slice(2), {
  stdout: write(process.stdout),
  stderr: write(process.stderr),
  env: process.env,
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY),
  stdin: process.stdin,
});
process.exitCode = code;
