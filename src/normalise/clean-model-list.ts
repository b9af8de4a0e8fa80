// Ids straight from a provider are untrusted: drop the unusable and the repeated, and say how many.
import { isUsableModelId } from "../core/model-id.js";
import type { ProbedModel } from "../providers/adapter.js";

export interface CleanedList {
  readonly models: ProbedModel[];
  readonly dropped: { readonly invalid: number; readonly duplicates: number };
}

export function cleanModelList(models: readonly ProbedModel[]): CleanedList {
  const seen = new Set<string>();
  const kept: ProbedModel[] = [];
  let invalid = 0;
  let duplicates = 0;
  for (const model of models) {
    if (!isUsableModelId(model.id)) {
      invalid++;
      continue;
    }
    const key = model.id.toLowerCase();
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    kept.push(model);
  }
  return { models: kept, dropped: { invalid, duplicates } };
}
