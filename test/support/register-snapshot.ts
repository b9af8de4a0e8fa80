// A real snapshot, made by registering against the loopback providers; the base for schema and CLI tests.
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { register } from "../../src/register.js";
import { startProviderServers } from "./provider-servers.js";

export async function registeredSnapshot(extraEnv: Record<string, string> = {}): Promise<ProviderRegistrySnapshot> {
  const providers = await startProviderServers();
  try {
    const result = await register({
      env: { ...providers.env, SOURCE_DATE_EPOCH: "1764000000", ...extraEnv },
      cwd: process.cwd(),
      generatorVersion: "0.0.0-test",
    });
    return result.snapshot;
  } finally {
    await providers.close();
  }
}
