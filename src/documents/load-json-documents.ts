// Data files found by glob, parsed and checked against their schema; every error names the file.
import { readFile } from "node:fs/promises";
import path from "node:path";
import fg from "fast-glob";
import { ConfigError } from "../errors.js";
import { schemaProblems, type SchemaName } from "./schema-validator.js";

export interface LoadedDocument<T> {
  readonly file: string;
  readonly document: T;
}

export async function loadJsonDocuments<T>(patterns: readonly string[], cwd: string, schema: SchemaName): Promise<LoadedDocument<T>[]> {
  const files = (await fg([...patterns], { cwd, absolute: true, onlyFiles: true, unique: true })).sort();
  return Promise.all(files.map((file) => loadJsonDocument<T>(file, schema)));
}

export async function loadJsonDocument<T>(file: string, schema: SchemaName): Promise<LoadedDocument<T>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`, { file });
  }
  const problems = schemaProblems(schema, document);
  if (problems.length > 0) {
    throw new ConfigError(`${file} does not match ${schema}.schema.json:\n${problems.map((p) => `  - ${p}`).join("\n")}`, {
      file,
      field: problems[0]!.split(":")[0],
    });
  }
  return { file: path.resolve(file), document: document as T };
}
