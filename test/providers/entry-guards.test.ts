// Each adapter's typed entry is what its guard accepts: the list parsers keep exactly those entries, so
// translateModel never sees an entry without its id.
import { describe, expect, it } from "vitest";
import { isGeminiModelEntry } from "../../src/providers/adapters/gemini.js";
import { isOpenAiListEntry, parseOpenAiList } from "../../src/providers/adapters/openai-list.js";
import { adapters } from "../../src/providers/adapters/index.js";

const CANDIDATES: readonly unknown[] = [
  { id: "a" },
  { id: 1 },
  { name: "models/g" },
  { model: "m:latest" },
  { name: "n:latest", model: 2 },
  null,
  "id",
  ["a"],
  {},
];

describe("typed entry guards", () => {
  it("an OpenAI-style list keeps the entries isOpenAiListEntry accepts, and no other", () => {
    expect(parseOpenAiList({ data: CANDIDATES })).toEqual(CANDIDATES.filter(isOpenAiListEntry));
    expect(CANDIDATES.filter(isOpenAiListEntry)).toEqual([{ id: "a" }]);
  });

  it("Gemini's list keeps the entries isGeminiModelEntry accepts", () => {
    expect(adapters.gemini!.parseModels({ models: CANDIDATES })).toEqual(CANDIDATES.filter(isGeminiModelEntry));
  });

  it("Ollama's entries carry the id from model, or from name where model is not a string", () => {
    expect(adapters.ollama!.parseModels({ models: CANDIDATES })).toEqual([
      { id: "models/g" },
      { id: "m:latest" },
      { id: "n:latest" },
    ]);
  });
});
