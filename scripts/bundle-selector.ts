// The last step of `npm run build`: the selector's two entries, dist/src/selector/index.js (the package's
// `./selector` export) and shared.js (the build side's), are replaced by an esbuild bundle of the same sources.
// A process importing the selector then loads three ES modules instead of about twenty, which is most of what a
// cold import cost over `node -e ""`. Both entries share one chunk, so a process that imports both (the CLI, the
// library) still has one SnapshotError class, one Choice class and one set of trusted snapshots. The declarations
// (index.d.ts) are tsc's, unchanged; the other modules tsc wrote beside them stay, and nothing imports them.
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import { packageRoot } from "../src/core/package-root.js";

const CHUNK_PREFIX = "selector-chunk-";

export async function bundleSelector(root = packageRoot): Promise<void> {
  const outdir = path.join(root, "dist", "src", "selector");
  // A rebuild makes a chunk of a new name: the old one would ship beside it for nothing.
  for (const name of await readdir(outdir)) if (name.startsWith(CHUNK_PREFIX)) await rm(path.join(outdir, name));
  await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, "src", "selector", "index.ts"), path.join(root, "src", "selector", "shared.ts")],
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    chunkNames: `${CHUNK_PREFIX}[hash]`,
    // Less text to parse at start; names are kept, so stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: false,
    allowOverwrite: true,
    legalComments: "none",
    logLevel: "warning",
  });
}

await bundleSelector();
