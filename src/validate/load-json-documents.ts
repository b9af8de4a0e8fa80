// Data files found by glob, parsed and checked against their schema; every error names the file.
import path from "node:path";
import fg from "fast-glob";
import { ConfigError } from "../core/errors.js";
import { readTextFile } from "../selector/shared.js";
import { readFailureReason } from "../core/read-failure.js";
import { schemaProblems, type SchemaName } from "./schema-validator.js";

/** Provider definitions and catalogs of ours are a few kilobytes. */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

export interface LoadedDocument<T> {
  readonly file: string;
  readonly document: T;
}

export async function loadJsonDocuments<T>(
  patterns: readonly string[],
  cwd: string,
  schema: SchemaName,
): Promise<LoadedDocument<T>[]> {
  const files = (await fg([...patterns], { cwd, absolute: true, onlyFiles: true, unique: true })).sort();
  return Promise.all(files.map((file) => loadJsonDocument<T>(file, schema)));
}

export async function loadJsonDocument<T>(file: string, schema: SchemaName): Promise<LoadedDocument<T>> {
  let text: string;
  try {
    text = readTextFile(file, MAX_DOCUMENT_BYTES);
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${readFailureReason(error)}`, { file });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`, { file });
  }
  const problems = schemaProblems(schema, document);
  if (problems.length > 0) {
    throw new ConfigError(
      `${file} does not match ${schema}.schema.json:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
      {
        file,
        field: problems[0]!.split(":")[0],
      },
    );
  }
  return { file: path.resolve(file), document: document as T };
}
