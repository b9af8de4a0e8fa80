// What makes a register run fatal: --fail-on takes large-change kinds (price-jump) and warning codes (UNKNOWN_MODEL)
// alike, told apart by how they are written; --fail-on-warnings adds every configuration warning.
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
  const failOnWords = (args["fail-on"] ?? [])
    .flatMap((v) => v.split(","))
    .map((w) => w.trim())
    .filter((w) => w !== "");
  const failOn = parseFailOn(failOnWords.filter((w) => !looksLikeCode(w)));
  const failOnCodes = parseFailOnCodes(failOnWords.filter(looksLikeCode));
  if (failOn.unknown.length > 0 || failOnCodes.unknown.length > 0) {
    const unknown = [...failOn.unknown.map((k) => `"${k}"`), ...failOnCodes.unknown];
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
