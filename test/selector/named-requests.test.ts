// `{ model }` and `{ model, category }` take a short path in select (the per-name cache, no request normalisation):
// their answers must be the ones the generic path gives. `requires: {}` changes nothing in a request but sends it
// down the generic path, so it serves as the reference.
import { expect, test } from "vitest";
import {
  CATEGORIES,
  createSelector,
  SelectionError,
  type SelectionRequest,
  type Selector,
} from "../../src/selector/index.js";
import { readFixture, selectorFor } from "../support/snapshots.js";

function answer(selector: Selector, request: SelectionRequest): unknown {
  try {
    const choice = selector.select(request);
    return { choice: JSON.parse(JSON.stringify(choice)) as unknown, frozen: Object.isFrozen(choice) };
  } catch (error) {
    if (!(error instanceof SelectionError)) throw error;
    return { error: error.toJSON(), message: error.message };
  }
}

const snapshots: [string, () => Selector][] = [
  ["the demo snapshot", () => createSelector(readFixture("demo-register.json"))],
  [
    "a snapshot with aliases, a disabled provider, an allow-list and a model named auto",
    () =>
      selectorFor({
        models: [
          { provider: "kimi", id: "kimi-k2-0905-preview", aliases: ["kimi-k2"] },
          { provider: "glm", id: "kimi-k2-0905-preview" },
          { provider: "glm", id: "glm-4.6" },
          { provider: "glm", id: "auto" },
          { provider: "off", id: "off-1" },
        ],
        policy: { disabledProviders: ["off"], providers: { kimi: { allowedModels: ["kimi-k2"] } } },
      }),
  ],
];

test.each(snapshots)("on %s, named requests answer as the generic path does, first call and cached", (_, make) => {
  const reference = make();
  const names = new Set<string>();
  for (const m of reference.snapshot.models) for (const n of [m.id, m.id.toUpperCase(), ...m.aliases]) names.add(n);
  for (const n of ["auto", "AUTO", "", "no-such-model"]) names.add(n);
  for (const name of names) {
    for (const category of [undefined, ...CATEGORIES, "fastest"] as const) {
      const request = (category === undefined ? { model: name } : { model: name, category }) as SelectionRequest;
      const expected = answer(reference, { ...request, requires: {} });
      const fresh = make();
      const first = answer(fresh, request);
      const again = answer(fresh, request);
      const cached = answer(fresh, request);
      const wanted = strip(expected);
      expect(strip(first), `${JSON.stringify(request)} first call`).toEqual(wanted);
      expect(strip(again), `${JSON.stringify(request)} again`).toEqual(wanted);
      expect(strip(cached), `${JSON.stringify(request)} from the cache`).toEqual(wanted);
    }
  }
});

const strip = (a: unknown) => {
  const { frozen: _f, ...rest } = a as { frozen?: boolean };
  return rest;
};

test("only the cached { model } choice is shared and frozen; { model, category } gets a new one each time", () => {
  const selector = createSelector(readFixture("demo-register.json"));
  const routable = (id: string) => {
    try {
      return selector.select({ model: id, requires: {} }).model === id;
    } catch {
      return false;
    }
  };
  const name = selector.snapshot.models.map((m) => m.id).find((id) => id === id.toLowerCase() && routable(id))!;
  const a = selector.select({ model: name, category: "fast_response" });
  const b = selector.select({ model: name });
  expect(b).toBe(selector.select({ model: name }));
  expect(Object.isFrozen(b)).toBe(true);
  expect(a).not.toBe(b);
  expect(Object.isFrozen(a)).toBe(false);
  expect(selector.select({ model: name, category: "fast_response" })).not.toBe(a);
  expect(selector.select({ model: name.toUpperCase() })).not.toBe(selector.select({ model: name.toUpperCase() }));
});

/** Requests that name a cached model and something more: each must be checked, never answered from the cache. */
const namesMore: [string, (model: string) => object, RegExp][] = [
  ["a misspelt field", (model) => ({ model, categroy: "balanced" }), /INVALID_REQUEST.*unknown field categroy/],
  ["an unknown category", (model) => ({ model, category: "fastest" }), /INVALID_REQUEST.*category must be/],
  ["a requirement it fails", (model) => ({ model, requires: { minContext: 1e12 } }), /REQUIREMENTS_NOT_MET/],
  [
    "a requirement that is not enumerable",
    (model) => Object.defineProperty({ model }, "requires", { value: { minContext: 1e12 }, enumerable: false }),
    /REQUIREMENTS_NOT_MET/,
  ],
  [
    "a requirement on the prototype",
    (model) => Object.assign(Object.create({ requires: { minContext: 1e12 } }) as object, { model }),
    /REQUIREMENTS_NOT_MET/,
  ],
  ["an exclusion of the model", (model) => ({ model, exclude: [model] }), /MODEL_NOT_ALLOWED/],
  ["a provider that does not serve it", (model) => ({ model, provider: "glm" }), /NO_SUCH_MODEL.*glm does not serve/],
];

test.each(namesMore)("a cached name with %s is checked, not answered from the cache", (_, make, error) => {
  const selector = selectorFor({
    models: [
      { provider: "kimi", id: "kimi-k2-0905-preview", contextWindow: 262_144 },
      { provider: "glm", id: "glm-4.6" },
    ],
  });
  const model = "kimi-k2-0905-preview";
  for (let i = 0; i < 3; i++) selector.select({ model });
  for (let i = 0; i < 2; i++) {
    expect(() => selector.select(make(model) as SelectionRequest)).toThrow(SelectionError);
    try {
      selector.select(make(model) as SelectionRequest);
    } catch (e) {
      expect(`${(e as SelectionError).code}: ${(e as SelectionError).message}`).toMatch(error);
    }
  }
});
