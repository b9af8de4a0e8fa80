// The OpenAI list shape that most providers here build on: {"data": [{"id": ...}, ...]}.
import { isObject, type JsonObject } from "../../core/json-object.js";
import { ResponseShapeError } from "../adapter.js";
import { rejectErrorBody } from "./error-body.js";

/** An entry of an OpenAI-style list: an object with a string id; its other fields are untrusted and read one by one. */
export type OpenAiListEntry = JsonObject & { readonly id: string };

export function isOpenAiListEntry(raw: unknown): raw is OpenAiListEntry {
  return isObject(raw) && typeof raw.id === "string";
}

/** The raw entries of a model list; entries without a string id are dropped here. */
export function parseOpenAiList(body: unknown): OpenAiListEntry[] {
  rejectErrorBody(body);
  if (!isObject(body)) throw new ResponseShapeError("expected a JSON object with a data array");
  if (!Array.isArray(body.data)) throw new ResponseShapeError('expected a "data" array of models');
  return body.data.filter(isOpenAiListEntry);
}
