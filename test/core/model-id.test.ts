// The model-id check in code is the schemas' modelId: ids are dropped by the one so that the other never fails.
import { describe, expect, it } from "vitest";
import { loadSchema, type SchemaName } from "../../src/validate/schema-validator.js";
import { isUsableModelId, MAX_MODEL_ID_LENGTH, MODEL_ID_PATTERN } from "../../src/core/model-id.js";

describe("isUsableModelId", () => {
  it.each<SchemaName>(["provider-registry-snapshot", "model-catalog"])(
    "has the pattern and bounds of %s's modelId",
    (name) => {
      const modelId = (loadSchema(name).$defs as Record<string, Record<string, unknown>>).modelId!;
      expect(modelId.pattern).toBe(MODEL_ID_PATTERN.source);
      expect(modelId.maxLength).toBe(MAX_MODEL_ID_LENGTH);
      expect(modelId.minLength).toBe(1);
    },
  );

  it("takes ids up to the bound and refuses longer or empty ones", () => {
    expect(isUsableModelId("a".repeat(MAX_MODEL_ID_LENGTH))).toBe(true);
    expect(isUsableModelId("a".repeat(MAX_MODEL_ID_LENGTH + 1))).toBe(false);
    expect(isUsableModelId("")).toBe(false);
  });
});
