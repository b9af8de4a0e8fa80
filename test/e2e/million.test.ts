// A provider listing 1,000,000 models (an 18 MB answer): the snapshot's canonical text is longer than a JavaScript
// string can be, so it must be hashed and written in pieces ("Invalid string length" otherwise). The built command
// line, as a process of its own with a bounded heap, against one loopback server: it must finish and write every model.
import { execFile } from "node:child_process";
import { createReadStream } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startLoopbackServer } from "../../src/cli/demo/loopback-server.js";
import { packageRoot } from "../../src/core/package-root.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();
const MODELS = 1_000_000;
/** The bound: the run must fit in this much old-generation heap, or V8 stops it and the test fails. */
const HEAP_MB = 3072;

/** How many times `needle` occurs in the file, read as a stream: the file is larger than any string. */
async function countInFile(file: string, needle: string): Promise<{ count: number; head: string; tail: string }> {
  let count = 0;
  let carry = "";
  let head = "";
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    const text = carry + (chunk as string);
    if (head === "") head = text.slice(0, 200);
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count++;
    // Keep what could be the start of a needle cut at the chunk's end, and nothing already counted.
    carry = text.slice(Math.max(text.length - (needle.length - 1), text.lastIndexOf(needle) + needle.length, 0));
  }
  return { count, head, tail: carry };
}

describe("a provider listing 1,000,000 models", () => {
  it("is registered: exit 0, every model written, the content hash computed", { timeout: 600_000 }, async () => {
    const body = JSON.stringify({ object: "list", data: Array.from({ length: MODELS }, (_, i) => ({ id: `m-${i}` })) });
    const server = await startLoopbackServer(() => ({ text: body, headers: { "content-type": "application/json" } }));
    const cwd = await tempDir();
    try {
      const child = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [
            `--max-old-space-size=${HEAP_MB}`,
            path.join(packageRoot, "dist", "src", "cli", "bin.js"),
            "register",
            "--quiet",
            "--timeout-ms",
            "300000",
          ],
          {
            cwd,
            env: {
              PATH: process.env.PATH ?? "",
              CUSTOM_API_URL: `${server.origin}/v1`,
              SOURCE_DATE_EPOCH: "1764000000",
            },
            timeout: 540_000,
            maxBuffer: 1 << 20,
          },
          (error, _stdout, stderr) =>
            resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
        );
      });
      expect(child.stderr).not.toMatch(/Invalid string length|internal error|heap out of memory/);
      expect(child.code).toBe(0);
      const file = path.join(cwd, "provider_registry_snapshot.json");
      const listed = await countInFile(file, '"availability": "listed"');
      expect(listed.count).toBe(MODELS);
      expect(listed.head).toMatch(/"contentHash": "sha256:[0-9a-f]{64}"/);
      expect(listed.tail.endsWith("}\n")).toBe(true);
    } finally {
      await server.close();
    }
  });
});
