// Provider definitions: the built-in data files, plus a user's own (--providers GLOB).
import path from "node:path";
import type { ProviderDefinition } from "../../generated/provider-definition-types.js";
import { loadJsonDocuments, type LoadedDocument } from "../validate/load-json-documents.js";
import { ConfigError } from "../core/errors.js";
import { compareText } from "../core/order.js";
import { packageRoot } from "../core/package-root.js";

export const BUILTIN_PROVIDERS_GLOB = "data/providers/*.json";

export async function loadProviderDefinitions(
  userGlobs: readonly string[],
  cwd: string,
): Promise<ProviderDefinition[]> {
  const builtin = await loadJsonDocuments<ProviderDefinition>(
    [BUILTIN_PROVIDERS_GLOB],
    packageRoot,
    "provider-definition",
  );
  const user =
    userGlobs.length > 0 ? await loadJsonDocuments<ProviderDefinition>(userGlobs, cwd, "provider-definition") : [];
  if (userGlobs.length > 0 && user.length === 0) {
    throw new ConfigError(`--providers ${userGlobs.join(" ")} matched no file (relative to ${cwd})`, {
      field: "--providers",
    });
  }
  for (const doc of user) checkKeyVariables(doc);
  return uniqueById([...builtin, ...user]);
}

/**
 * A definition sends the value of the variable it names as its key, as a bearer token, to the URL it names. Trusted
 * like a build script (see the README's threat model), it is still held to its own key: a variable named after its
 * id that ends in KEY or TOKEN (ACME_API_KEY, ACME_TOKEN), so that a copied or hostile file cannot ship
 * AWS_SECRET_ACCESS_KEY, GITHUB_TOKEN or another provider's key to a server of its choosing.
 */
export function checkKeyVariables(doc: LoadedDocument<ProviderDefinition>): void {
  const prefixes = [...new Set([doc.document.id.toUpperCase(), doc.document.id.toUpperCase().replace(/-/g, "_")])];
  doc.document.apiKey.env.forEach((variable, i) => {
    const own = prefixes.some((prefix) => variable.startsWith(`${prefix}_`)) && /(KEY|TOKEN)$/.test(variable);
    if (!own) {
      const field = `/apiKey/env/${i}`;
      throw new ConfigError(
        `${doc.file}: ${field}: ${variable} is not this provider's own key variable: a provider definition may only name ` +
          `variables that start with ${prefixes[prefixes.length - 1]}_ and end in KEY or TOKEN (such as ${prefixes[prefixes.length - 1]}_API_KEY), ` +
          "so that it cannot send another credential of the environment to its server",
        { file: doc.file, field },
      );
    }
  });
}

function uniqueById(docs: readonly LoadedDocument<ProviderDefinition>[]): ProviderDefinition[] {
  const byId = new Map<string, LoadedDocument<ProviderDefinition>>();
  for (const doc of docs) {
    const earlier = byId.get(doc.document.id);
    if (earlier) {
      throw new ConfigError(
        `provider id "${doc.document.id}" is defined twice: ${path.relative(process.cwd(), earlier.file) || earlier.file} and ${doc.file}`,
        {
          file: doc.file,
          field: "/id",
        },
      );
    }
    byId.set(doc.document.id, doc);
  }
  return [...byId.values()].map((d) => d.document).sort((a, b) => compareText(a.id, b.id));
}
