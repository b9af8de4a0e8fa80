// `npm run conformance`: writes the conformance suite (conformance/) and the Python selector's schema module from
// the TypeScript selector's answers today. test/selector/conformance.test.ts fails when they are stale.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { packageRoot } from "../src/core/package-root.js";
import { CONFORMANCE_DIR, renderConformance } from "./conformance/suite.js";

const files = await renderConformance();
// Whatever the suite no longer has goes: a dropped case must not leave its snapshot behind.
await rm(path.join(packageRoot, CONFORMANCE_DIR, "snapshots"), { recursive: true, force: true });
for (const [rel, content] of files) {
  const file = path.join(packageRoot, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}
process.stdout.write(`wrote ${files.size} files (${CONFORMANCE_DIR}/ and the Python schema module)\n`);
