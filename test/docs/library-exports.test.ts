// The library's exports are its semver surface: this list is the one place that says what they are, so a new
// export (or a lost one) is a deliberate change made here too. Internals the command line uses stay unexported.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, test } from "vitest";
import * as library from "../../src/index.js";

const INDEX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "index.ts");

const VALUES = [
  "ConfigError",
  "ExitCode",
  "InvalidDocumentError",
  "RegistryError",
  "SCHEMA_ID",
  "SCHEMA_VERSION",
  "StrictProbeError",
  "UsageError",
  "canonicalJson",
  "contentHash",
  "loadBuiltinCatalog",
  "loadCommunityCatalog",
  "loadEnv",
  "parseLiteLLMCatalog",
  "parseModelsDevCatalog",
  "register",
  "schemaProblems",
];

const TYPES = [
  "Catalog",
  "CatalogEntry",
  "CommunityCatalogFormat",
  "CommunityCatalogOptions",
  "CommunityOverlay",
  "Env",
  "ModelCatalog",
  "ProviderDefinition",
  "ProviderRun",
  "RegisterOptions",
  "RegisterResult",
  "SchemaName",
];

/** Every type-only name src/index.ts exports, and the modules it re-exports wholesale (`export type * from`). */
function typeExports(): { names: string[]; wholesale: string[] } {
  const source = ts.createSourceFile(INDEX, readFileSync(INDEX, "utf8"), ts.ScriptTarget.ES2022, true);
  const names: string[] = [];
  const wholesale: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement)) continue;
    const from =
      statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : "";
    if (!statement.exportClause) wholesale.push(`${statement.isTypeOnly ? "type " : ""}* from ${from}`);
    else if (ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements)
        if (statement.isTypeOnly || element.isTypeOnly) names.push(element.name.text);
    }
  }
  return { names: names.sort(), wholesale };
}

test("the library exports these values, and nothing else", () => {
  expect(Object.keys(library).sort()).toEqual(VALUES);
});

test("…and these types, with the snapshot's generated types wholesale (type-only, so no value can come with them)", () => {
  expect(typeExports()).toEqual({ names: TYPES, wholesale: ["type * from ../generated/snapshot-types.js"] });
});
