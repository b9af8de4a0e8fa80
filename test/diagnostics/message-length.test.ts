// A diagnostic's message is cut to the length the snapshot schema takes: one limit, held to the schema here.
import { describe, expect, it } from "vitest";
import { fitMessage, MAX_MESSAGE_LENGTH } from "../../src/core/diagnostic.js";
import { readJson } from "../support/inputs.js";

interface Schema {
  $defs: Record<string, { properties?: Record<string, { maxLength?: number }> }>;
}

describe("MAX_MESSAGE_LENGTH", () => {
  it("is the schema's maxLength for diagnostics[].message", () => {
    const schema = readJson<Schema>("schema/provider-registry-snapshot.schema.json");
    expect(schema.$defs.diagnostic!.properties!.message!.maxLength).toBe(MAX_MESSAGE_LENGTH);
  });

  it.each([
    { length: MAX_MESSAGE_LENGTH, cut: false },
    { length: MAX_MESSAGE_LENGTH + 1, cut: true },
    { length: 5 * MAX_MESSAGE_LENGTH, cut: true },
  ])("a message of $length characters is cut: $cut", ({ length, cut }) => {
    const message = "x".repeat(length);
    const fitted = fitMessage(message);
    expect(fitted.length).toBe(Math.min(length, MAX_MESSAGE_LENGTH));
    expect(fitted.endsWith("...")).toBe(cut);
  });
});
