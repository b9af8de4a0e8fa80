import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The installed package's folder, whether running from src/ (tests) or dist/src/ (the bin). */
export const packageRoot: string = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("provider-registry: cannot find its own package.json");
    dir = up;
  }
  return dir;
})();

/** The version in the package's own package.json: what `--version` prints and the snapshot's generator records. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string };
  return pkg.version;
}
