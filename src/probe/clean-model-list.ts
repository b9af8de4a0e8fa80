// Ids straight from a provider are untrusted: drop the unusable and the repeated, and say how many.
import type { ProbedModel } from "../providers/adapter.js";

const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/;
const MAX_ID_LENGTH = 256;

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
    if (model.id.length > MAX_ID_LENGTH || !MODEL_ID.test(model.id)) {
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
