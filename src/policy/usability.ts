// Whether a model the user named (a preference or a default) can be chosen, and what is worth knowing about it if it
// can: the diagnostics for one named model.
import type { Model } from "../../generated/snapshot-types.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { isRetired } from "../core/calendar-date.js";

export interface ProviderState {
  readonly id: string;
  /** Why the provider was not probed or failed; undefined when its probe succeeded. */
  readonly notProbedBecause?: string;
}

/** How far ahead a retirement date makes a preferred or default model worth a warning. */
export const RETIRING_SOON_DAYS = 30;

/**
 * The first reason the model will never (or not yet) be chosen; else the warnings it is honoured with: deprecated or
 * retiring soon (as of `asOf`, YYYY-MM-DD), a moving alias.
 */
export function usabilityDiagnostics(
  variable: string,
  provider: string,
  model: Model,
  allowed: boolean,
  state: ProviderState,
  asOf: string | undefined,
): Diagnostic[] {
  const at = { variable, provider, model: model.id };
  if (!allowed) {
    return [
      {
        level: "warning",
        code: "MODEL_NOT_ALLOWED",
        ...at,
        message: `${variable} names ${model.id}, which ${provider.toUpperCase()}_ALLOWED_MODELS does not allow; it will never be chosen.`,
      },
    ];
  }
  if (model.availability === "not_listed") {
    return [
      {
        level: "warning",
        code: "MODEL_NOT_LISTED",
        ...at,
        message: `${variable} names ${model.id}, which ${provider} did not list; it will not be chosen until it is.`,
      },
    ];
  }
  if (model.kind === "router") {
    return [
      {
        level: "warning",
        code: "MODEL_NOT_CHAT",
        ...at,
        message: `${variable} names ${model.id}, which is a router (it hands each request to a model it picks): routers are chosen only when a request names them, never from a preference.`,
      },
    ];
  }
  if (model.kind !== "chat") {
    return [
      {
        level: "warning",
        code: "MODEL_NOT_CHAT",
        ...at,
        message: `${variable} names ${model.id}, which is ${/^[aeiou]/.test(model.kind) ? "an" : "a"} ${model.kind} model, not a chat model; it will never be chosen.`,
      },
    ];
  }
  if (model.availability === "unverified" && state.notProbedBecause !== undefined) {
    return [
      {
        level: "info",
        code: "MODEL_UNVERIFIED",
        ...at,
        message: `${variable} names ${model.id}, which could not be checked: ${provider} was not probed (${state.notProbedBecause}).`,
      },
    ];
  }
  // Honoured all the same (it is what the user wrote), but each of these is worth knowing before it bites.
  const out: Diagnostic[] = [];
  if (model.status === "deprecated") {
    const retired = isRetired(model.retiresAt, asOf) ? ` (retired on ${model.retiresAt})` : "";
    out.push({
      level: "warning",
      code: "MODEL_DEPRECATED",
      ...at,
      message: `${variable} names ${model.id}, which ${provider} has deprecated${retired}; it is still honoured while it is listed, but choose a live model before it is withdrawn.`,
    });
  } else if (
    model.retiresAt !== undefined &&
    asOf !== undefined &&
    daysBetween(asOf, model.retiresAt) <= RETIRING_SOON_DAYS
  ) {
    const days = daysBetween(asOf, model.retiresAt);
    out.push({
      level: "warning",
      code: "MODEL_RETIRING",
      ...at,
      message: `${variable} names ${model.id}, which ${provider} retires on ${model.retiresAt} (in ${days} day${days === 1 ? "" : "s"}); choose its successor before then.`,
    });
  }
  if (model.movingAlias) {
    const target = model.aliasOf !== undefined ? ` (now ${model.aliasOf})` : "";
    out.push({
      level: "warning",
      code: "MOVING_ALIAS_PREFERRED",
      ...at,
      message: `${variable} names ${model.id}, a moving alias${target}: the model behind it changes when ${provider} says so, and with it cost and behaviour. It is honoured; name a pinned id${model.aliasOf !== undefined ? ` such as ${model.aliasOf}` : ""} for choices that stay put.`,
    });
  }
  return out;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
