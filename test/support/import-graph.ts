// The static import graph of our TypeScript sources: every import, export-from, dynamic import() and require().
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface ImportEdge {
  readonly from: string;
  readonly specifier: string;
  /** `import type` / `export type`: erased from the output, so no edge at run time. */
  readonly typeOnly: boolean;
}

/** Every import, export-from, dynamic import() and require() in a file. */
export function importsOf(file: string, text = readFileSync(file, "utf8")): ImportEdge[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const edges: ImportEdge[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      edges.push({
        from: file,
        specifier: node.moduleSpecifier.text,
        typeOnly: node.importClause?.isTypeOnly ?? false,
      });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      edges.push({ from: file, specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === "require"))
    ) {
      const [arg] = node.arguments;
      edges.push({ from: file, specifier: arg && ts.isStringLiteral(arg) ? arg.text : "<computed>", typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** The .ts file a relative specifier names (`./x.js` → `./x.ts`), or undefined for a package or built-in. */
export function importTarget(edge: ImportEdge): string | undefined {
  if (!edge.specifier.startsWith(".")) return undefined;
  return path.resolve(path.dirname(edge.from), edge.specifier.replace(/\.js$/, ".ts"));
}

/** Every .ts file under a folder, recursively. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * Each import cycle among the files, as the list of files around it (first file repeated at the end), found by a
 * depth-first search over the edges that `follow` keeps. A cycle is reported once, from its smallest file.
 */
export function importCycles(
  files: readonly string[],
  follow: (edge: ImportEdge) => boolean = () => true,
  read: (file: string) => ImportEdge[] = (file) => importsOf(file),
): string[][] {
  const inGraph = new Set(files);
  const next = new Map(
    files.map((f) => [
      f,
      [
        ...new Set(
          read(f)
            .filter(follow)
            .map(importTarget)
            .filter((t): t is string => t !== undefined && inGraph.has(t)),
        ),
      ],
    ]),
  );
  const cycles = new Map<string, string[]>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const target of next.get(file) ?? []) {
      if (state.get(target) === "open") {
        const cycle = stack.slice(stack.indexOf(target));
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(rotated.join(" → "), [...rotated, rotated[0]!]);
      } else if (!state.has(target)) {
        visit(target);
      }
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return [...cycles.values()];
}
