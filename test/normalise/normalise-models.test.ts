// The normalise stage as pure functions: a body and an adapter in, raw entries or a reason out; models in, clean
// models and the reason text out. No HTTP here (test/probe/ drives the same through loopback servers).
import { describe, expect, it } from "vitest";
import { readModelPage } from "../../src/normalise/read-model-page.js";
import {
  describeListing,
  echoedKeyCandidates,
  normaliseModels,
  translateEntries,
} from "../../src/normalise/normalise-models.js";
import { adapters } from "../../src/providers/adapters/index.js";

const KEY = "sk-canary-0123456789abcdef";

describe("readModelPage", () => {
  it.each([
    {
      name: "a list",
      adapter: "kimi",
      answer: { status: 200, isJson: true, json: { data: [{ id: "kimi-k2" }] } },
      expected: { ok: true, entries: [{ id: "kimi-k2" }], cursor: undefined },
    },
    {
      name: "not JSON",
      adapter: "kimi",
      answer: { status: 200, isJson: false, json: undefined },
      expected: { ok: false, kind: "invalid_response", reason: "HTTP 200 but the body is not JSON" },
    },
    {
      name: "no data array",
      adapter: "kimi",
      answer: { status: 200, isJson: true, json: {} },
      expected: { ok: false, kind: "invalid_response", reason: 'HTTP 200 but expected a "data" array of models' },
    },
    {
      name: "an error body with a status of its own",
      adapter: "glm",
      answer: { status: 200, isJson: true, json: { code: 401, msg: "token expired", success: false } },
      expected: { ok: false, kind: "error_body", reason: "HTTP 200 but the body says 401", statedStatus: 401 },
    },
    {
      name: "a page with a cursor",
      adapter: "anthropic",
      answer: { status: 200, isJson: true, json: { data: [{ id: "claude-x" }], has_more: true, last_id: "claude-x" } },
      expected: { ok: true, entries: [{ id: "claude-x" }], cursor: "claude-x" },
    },
  ])("$name", ({ adapter, answer, expected }) => {
    expect(readModelPage(adapters[adapter]!, answer)).toEqual(expected);
  });

  it("a bug in the adapter is thrown, not taken for a bad body", () => {
    const broken = {
      ...adapters.kimi!,
      parseModels: () => {
        throw new TypeError("bug");
      },
    };
    expect(() => readModelPage(broken, { status: 200, isJson: true, json: {} })).toThrow(TypeError);
  });
});

describe("normaliseModels and describeListing", () => {
  it("drops an echoed key as an unusable id, strips it from names and aliases, orders by id and drops repeats", () => {
    const models = translateEntries(adapters.kimi!, [
      { id: "b" },
      { id: KEY },
      { id: "B" },
      { id: "a" },
      { id: "bad id" },
    ]);
    const withName = [...models, { id: "c", name: `key ${KEY}`, aliases: [KEY, "c-1"] }];
    const cleaned = normaliseModels(withName, echoedKeyCandidates([KEY], undefined));
    expect(cleaned).toEqual({
      models: [{ id: "B" }, { id: "a" }, { id: "c", aliases: ["c-1"] }],
      dropped: { invalid: 2, duplicates: 1 },
    });
    expect(describeListing(cleaned, " via /v1/models (/api/v0/models: HTTP 404)")).toBe(
      "listed 3 models via /v1/models (/api/v0/models: HTTP 404) (2 unusable id(s) dropped, 1 duplicate(s) dropped)",
    );
    expect(describeListing({ models: [{ id: "a" }], dropped: { invalid: 0, duplicates: 0 } }, "")).toBe(
      "listed 1 model",
    );
  });

  it("without credentials, only secrets of key length count as keys", () => {
    expect(echoedKeyCandidates([KEY, "2024-10-21"], undefined)).toEqual([KEY]);
    expect(echoedKeyCandidates([KEY, "2024-10-21"], ["short"])).toEqual(["short"]);
  });
});
