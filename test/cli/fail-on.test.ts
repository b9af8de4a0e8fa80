// --fail-on takes large-change kinds (any case, "any" included) and warning codes in one list.
import { expect, test } from "vitest";
import { parseFailOnArgs } from "../../src/cli/register/fail-on.js";
import { LARGE_CHANGE_KINDS } from "../../src/compare/large-changes.js";
import { UsageError } from "../../src/core/errors.js";

test.each([
  ["any", ["any"], [...LARGE_CHANGE_KINDS], []],
  ["ANY, written like a code", ["ANY"], [...LARGE_CHANGE_KINDS], []],
  ["a kind in upper case", ["PRICE-JUMP"], ["price-jump"], []],
  [
    "kinds and codes mixed",
    ["price-jump,UNKNOWN_MODEL", " list-shrank "],
    ["list-shrank", "price-jump"],
    ["UNKNOWN_MODEL"],
  ],
])("%s", (_, words, kinds, codes) => {
  const failOn = parseFailOnArgs({ "fail-on": words });
  expect([...failOn.kinds].sort()).toEqual([...kinds].sort());
  expect([...failOn.codes]).toEqual(codes);
});

test.each([
  ["an unknown kind", ["price-jumps"], /does not know "price-jumps"/],
  [
    "an unknown code, with a suggestion",
    ["UNKNOWN_MODELS"],
    /does not know UNKNOWN_MODELS \(did you mean UNKNOWN_MODEL\?\)/,
  ],
])("%s is a usage error", (_, words, message) => {
  expect(() => parseFailOnArgs({ "fail-on": words })).toThrow(UsageError);
  expect(() => parseFailOnArgs({ "fail-on": words })).toThrow(message);
});
