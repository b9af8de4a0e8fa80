// What makes a register run fatal: --fail-on takes large-change kinds (price-jump) and warning codes (UNKNOWN_MODEL)
// alike; --fail-on-warnings adds every configuration warning.
import { LARGE_CHANGE_KINDS, parseFailOn } from "../../compare/large-changes.js";
import { UsageError } from "../../core/errors.js";
import {
  CONFIGURATION_WARNING_CODES,
  looksLikeCode,
  parseFailOnCodes,
  WARNING_CODES,
} from "../../diagnostics/codes.js";
import type { RegisterArgs } from "./register-args.js";

export interface FailOn {
  /** Large-change kinds that are fatal (exit 4). */
  readonly kinds: ReadonlySet<string>;
  /** Warning codes that are fatal (exit 2). */
  readonly codes: ReadonlySet<string>;
}

export function parseFailOnArgs(args: Pick<RegisterArgs, "fail-on" | "fail-on-warnings">): FailOn {
  // A word is a large-change kind when parseFailOn knows it (in any case, "any" included); of the rest, those written
  // as codes are warning codes.
  const failOn = parseFailOn(args["fail-on"] ?? []);
  const failOnCodes = parseFailOnCodes(failOn.unknown.filter(looksLikeCode));
  const unknownKinds = failOn.unknown.filter((w) => !looksLikeCode(w));
  if (unknownKinds.length > 0 || failOnCodes.unknown.length > 0) {
    const unknown = [...unknownKinds.map((k) => `"${k}"`), ...failOnCodes.unknown];
    throw new UsageError(
      `register: --fail-on does not know ${unknown.join(", ")}; use ${LARGE_CHANGE_KINDS.join(", ")}, any, or a warning code (${WARNING_CODES.join(", ")})`,
    );
  }
  const codes = new Set<string>([
    ...failOnCodes.codes,
    ...(args["fail-on-warnings"] ? CONFIGURATION_WARNING_CODES : []),
  ]);
  return { kinds: failOn.kinds, codes };
}
