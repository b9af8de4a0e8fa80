// Provider definitions: the built-in data files, plus a user's own (--providers GLOB).
import path from "node:path";
import type { ProviderDefinition } from "../../generated/provider-definition-types.js";
import { loadJsonDocuments, type LoadedDocument } from "../documents/load-json-documents.js";
import { ConfigError } from "../errors.js";
import { compareText } from "../model/order.js";
import { packageRoot } from "../package-root.js";

export const BUILTIN_PROVIDERS_GLOB = "data/providers/*.json";

export async function loadProviderDefinitions(userGlobs: readonly string[], cwd: string): Promise<ProviderDefinition[]> {
  const builtin = await loadJsonDocuments<ProviderDefinition>([BUILTIN_PROVIDERS_GLOB], packageRoot, "provider-definition");
  const user = userGlobs.length > 0 ? await loadJsonDocuments<ProviderDefinition>(userGlobs, cwd, "provider-definition") : [];
  if (userGlobs.length > 0 && user.length === 0) {
    throw new ConfigError(`--providers ${userGlobs.join(" ")} matched no file (relative to ${cwd})`, { field: "--providers" });
  }
  return uniqueById([...builtin, ...user]);
}

function uniqueById(docs: readonly LoadedDocument<ProviderDefinition>[]): ProviderDefinition[] {
  const byId = new Map<string, LoadedDocument<ProviderDefinition>>();
  for (const doc of docs) {
    const earlier = byId.get(doc.document.id);
    if (earlier) {
      throw new ConfigError(`provider id "${doc.document.id}" is defined twice: ${path.relative(process.cwd(), earlier.file) || earlier.file} and ${doc.file}`, {
        file: doc.file,
        field: "/id",
      });
    }
    byId.set(doc.document.id, doc);
  }
  return [...byId.values()].map((d) => d.document).sort((a, b) => compareText(a.id, b.id));
}
