// Probe one provider: fetch its model list (retrying what is worth retrying, classifying what failed), normalise what
// it lists, and describe the outcome without secrets.
import type { ProviderAdapter } from "../providers/adapter.js";
import { scrub as scrubText } from "../core/redact.js";
import {
  describeListing,
  echoedKeyCandidates,
  normaliseModels,
  translateEntries,
} from "../normalise/normalise-models.js";
import { addModelDetails } from "./fetch-model-details.js";
import { fetchModelList, type ModelListing } from "./fetch-model-list.js";
import { internalFailure, type ProbeFailure, type ProbeSession } from "./probe-session.js";
import { DEFAULT_RETRY } from "./retry-delay.js";
import type { ProbeOptions, ProbeOutcome, ProbeRequest } from "./probe-types.js";

export async function probeProvider(
  request: ProbeRequest,
  adapter: ProviderAdapter,
  options: ProbeOptions,
): Promise<ProbeOutcome> {
  const session: ProbeSession = {
    request,
    adapter,
    options,
    now: options.now ?? Date.now,
    sleep: options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    retry: options.retry ?? DEFAULT_RETRY,
    attempts: 0,
  };
  const started = session.now();
  const failureOutcome = (failure: Omit<ProbeFailure, "ok">): ProbeOutcome =>
    scrub(
      {
        status: "failed",
        errorKind: failure.kind,
        reason: failure.reason,
        ...(failure.httpStatus !== undefined ? { httpStatus: failure.httpStatus } : {}),
        attempts: session.attempts,
        durationMs: session.now() - started,
      },
      request.secrets,
    );
  try {
    // The list, from the first URL that has one: a 404 moves on to the next (LM Studio's /v1/models).
    const urls = [request.url, ...(request.fallbackUrls ?? [])];
    let listing: ModelListing | undefined;
    let via = "";
    for (const [i, url] of urls.entries()) {
      const fetched = await fetchModelList(session, url);
      if (fetched.ok) {
        listing = fetched;
        if (i > 0) via = ` via ${new URL(url).pathname} (${new URL(urls[0]!).pathname}: HTTP 404)`;
        break;
      }
      if (fetched.kind !== "not_found" || i === urls.length - 1) return failureOutcome(fetched);
    }
    const translated = translateEntries(adapter, listing!.entries);
    const models = await addModelDetails(session, listing!.entries, translated);
    const cleaned = normaliseModels(models, echoedKeyCandidates(request.secrets, request.credentials));
    const outcome: ProbeOutcome = {
      status: "ok",
      models: cleaned.models,
      reason: describeListing(cleaned, via),
      httpStatus: listing!.httpStatus,
      attempts: session.attempts,
      durationMs: session.now() - started,
      dropped: cleaned.dropped,
    };
    return scrub(outcome, request.secrets);
  } catch (error) {
    return failureOutcome(internalFailure(error));
  }
}

const MAX_REASON_LENGTH = 500;

/** Reasons are printed and written: no secret, no control character, and short whatever a provider sent. */
function scrub(outcome: ProbeOutcome, secrets: readonly string[]): ProbeOutcome {
  const reason = scrubText(outcome.reason, secrets).replace(/\p{Cc}/gu, " ");
  return {
    ...outcome,
    reason: reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH - 1)}…` : reason,
  };
}
