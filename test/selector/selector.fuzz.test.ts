// Random and mutated snapshots through the selector: every refusal is a typed SnapshotError (or, for a request
// against a snapshot it accepted, a SelectionError), never a TypeError or a RangeError.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkSnapshot,
  createSelector,
  loadSnapshot,
  SelectionError,
  SnapshotError,
  CATEGORIES,
} from "../../src/selector/index.js";
import { junk, mutated, weirdString } from "../support/arbitraries.js";

type Json = Parameters<typeof mutated>[0] extends fc.Arbitrary<infer T> ? T : never;

const FIXTURES = ["demo-register.json", "kimi-glm-complaint.json"].map((f) =>
  readFileSync(new URL(`../fixtures/snapshots/${f}`, import.meta.url), "utf8"),
);
const valid = fc.constantFrom(...FIXTURES).map((text) => JSON.parse(text) as Json);

/** Targeted damage a snapshot can really suffer: another version, a model twice, a field of the wrong type. */
const damaged = fc.oneof(
  fc
    .tuple(
      valid,
      fc.constantFrom("2.0.0", "0.9.0", "1.1.0", "1.0.0-rc.1", "1.999999999999999999999.0", "01.0.0", "1.0", "", "v1"),
    )
    .map(([s, v]) => ({ ...(s as object), schemaVersion: v })),
  valid.map((s) => {
    const snapshot = s as { models: Json[] };
    return { ...snapshot, models: [...snapshot.models, ...snapshot.models.slice(0, 1)] };
  }),
  fc.tuple(valid, fc.nat(), junk).map(([s, i, value]) => {
    const snapshot = s as { models: { [key: string]: Json }[] };
    const models = snapshot.models.map((m) => ({ ...m }));
    const model = models[i % models.length]!;
    const keys = Object.keys(model);
    model[keys[i % keys.length]!] = value;
    return { ...snapshot, models };
  }),
);

const snapshots = fc.oneof(
  { arbitrary: mutated(valid), weight: 6 },
  { arbitrary: damaged, weight: 3 },
  { arbitrary: junk, weight: 1 },
);

/** A request as a caller's code might build it, typed or not. */
const request = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      model: fc.oneof(
        fc.constantFrom("kimi-k2", "glm-4.6", "auto", "KIMI-K2-0905-PREVIEW", "moonshotai/kimi-k2:free"),
        weirdString,
        junk,
      ),
      category: fc.oneof(fc.constantFrom(...CATEGORIES), weirdString, junk),
      provider: fc.oneof(fc.constantFrom("kimi", "glm", "openrouter", "custom"), weirdString, junk),
      requires: fc.oneof(
        fc.record(
          { vision: fc.boolean(), tools: fc.boolean(), minContext: fc.oneof(fc.nat(), fc.double()), minOutput: junk },
          { requiredKeys: [] },
        ),
        junk,
      ),
      exclude: fc.oneof(fc.array(fc.oneof(weirdString, fc.constantFrom("kimi-k2-0905-preview", "glm-4.6"))), junk),
    },
    { requiredKeys: [] },
  ),
  junk,
);

describe("the selector on random and mutated snapshots", () => {
  it(
    "createSelector accepts or throws SnapshotError; select then chooses or throws SelectionError; explain renders",
    { timeout: 30_000 },
    () => {
      let accepted = 0;
      fc.assert(
        fc.property(snapshots, fc.array(request, { maxLength: 3 }), (snapshot, requests) => {
          let selector;
          try {
            selector = createSelector(snapshot);
          } catch (error) {
            expect(error).toBeInstanceOf(SnapshotError);
            expect((error as SnapshotError).message.length).toBeGreaterThan(0);
            return;
          }
          accepted++;
          for (const r of requests) {
            try {
              const choice = selector.select(r as never);
              expect(typeof choice.model).toBe("string");
            } catch (error) {
              expect(error).toBeInstanceOf(SelectionError);
            }
            expect(typeof selector.explain(r as never)).toBe("string");
          }
        }),
        { numRuns: 400 },
      );
      // Mutations must leave some snapshots valid, or select would never be reached.
      expect(accepted).toBeGreaterThan(20);
    },
  );

  it("checkSnapshot on any value whatsoever throws only SnapshotError", () => {
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withBigInt: true,
          withDate: true,
          withMap: true,
          withTypedArray: true,
          withSparseArray: true,
        }),
        (value) => {
          try {
            checkSnapshot(value);
          } catch (error) {
            expect(error).toBeInstanceOf(SnapshotError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("loadSnapshot on damaged files", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "provider-registry-fuzz-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a file cut short anywhere, or with random bytes spliced in, is a SnapshotError", () => {
    const file = path.join(dir, "snapshot.json");
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURES),
        fc.nat(),
        fc.option(fc.uint8Array({ maxLength: 16 })),
        (text, cut, noise) => {
          const bytes = Buffer.from(text);
          const at = cut % bytes.length;
          writeFileSync(
            file,
            noise ? Buffer.concat([bytes.subarray(0, at), noise, bytes.subarray(at)]) : bytes.subarray(0, at),
          );
          try {
            loadSnapshot(file);
          } catch (error) {
            expect(error).toBeInstanceOf(SnapshotError);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
