import { writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { renderGeneratedFiles, repoRoot } from "./generated-files.js";

export async function main(): Promise<void> {
  for (const [rel, content] of await renderGeneratedFiles()) {
    const file = path.join(repoRoot, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    process.stdout.write(`wrote ${rel}\n`);
  }
}

await main();
