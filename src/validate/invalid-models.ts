// When the schema refuses a generated snapshot only because of some models, those models are left out and named,
// and the run goes on: one provider's odd answer (or one odd catalog fact) must not cost every other provider its
// snapshot. A problem anywhere else is a bug here, and still stops the run.
import type { Model } from "../../generated/snapshot-types.js";
import type { Diagnostic } from "../core/diagnostic.js";

export interface InvalidModel {
  readonly provider: string;
  readonly id: string;
  /** The schema's problems, as pointers inside the model ("/pricing/input: must be >= 0"). */
  readonly problems: readonly string[];
}

/**
 * The models the problems blame, when they blame only models (every problem under /models/<index>/); undefined when
 * some problem lies elsewhere. `problems` are "pointer: message" lines about `models` as the snapshot holds them.
 */
export function invalidModels(problems: readonly string[], models: readonly Model[]): InvalidModel[] | undefined {
  const byIndex = new Map<number, string[]>();
  for (const problem of problems) {
    const match = /^\/models\/(\d+)(\/[^:]*)?: ([\s\S]*)$/.exec(problem);
    const index = match ? Number(match[1]) : -1;
    if (!match || index >= models.length) return undefined;
    const list = byIndex.get(index) ?? [];
    list.push(`${match[2] ?? "/"}: ${match[3]}`);
    byIndex.set(index, list);
  }
  return [...byIndex].map(([index, list]) => ({
    provider: models[index]!.provider,
    id: models[index]!.id,
    problems: list,
  }));
}

export function invalidModelDiagnostic(model: InvalidModel): Diagnostic {
  // An id the schema refuses is neither written into the diagnostic nor printed: it may hold anything.
  const idRefused = model.problems.some((p) => p.startsWith("/id:"));
  const subject = idRefused ? "a model whose id the snapshot schema refuses" : model.id;
  return {
    level: "warning",
    code: "MODEL_INVALID",
    provider: model.provider,
    ...(idRefused ? {} : { model: model.id }),
    message: `${subject} at ${model.provider} has a fact the snapshot schema refuses (${model.problems.join("; ")}): it is left out of the snapshot, and the provider's other models are kept.`,
  };
}
