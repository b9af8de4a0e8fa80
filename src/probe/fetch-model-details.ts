// Per-model detail requests (Ollama's POST /api/show), for what the list itself does not say. Best effort: a
// detail that does not come is no fact, and no reason to fail the list.
import type { ProbedModel } from "../providers/adapter.js";
import { httpGetJson } from "./http-get-json.js";
import type { ProbeSession } from "./probe-session.js";

/** At most this many models are asked about, this many at a time. */
const MAX_DETAILED_MODELS = 200;
const DETAILS_CONCURRENCY = 4;

/** The translated models (`models[i]` from `entries[i]`), with what a per-model request adds where the adapter asks for one. */
export async function addModelDetails(
  session: ProbeSession,
  entries: readonly unknown[],
  translated: readonly ProbedModel[],
): Promise<ProbedModel[]> {
  const models = [...translated];
  const details = session.adapter.details;
  const url = session.request.detailsUrl;
  if (!details || !url) return models;
  const queue = models.slice(0, MAX_DETAILED_MODELS).map((_, i) => i);
  const worker = async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      const remaining = session.options.deadline - session.now();
      if (remaining <= 0) return;
      try {
        const answer = await httpGetJson(url, {
          signal: AbortSignal.timeout(Math.min(remaining, session.options.requestTimeoutMs)),
          maxBytes: session.options.maxBytes,
          postJson: details.body(entries[i]),
          ...(session.request.authorization ? { authorization: session.request.authorization } : {}),
          ...(session.request.headers ? { headers: session.request.headers } : {}),
        });
        // A model the server cannot describe keeps what the list said: details are a bonus, never a failure.
        if (answer.status >= 200 && answer.status < 300 && answer.isJson)
          models[i] = details.apply(models[i]!, answer.json);
      } catch {
        // As above: a detail that does not come is no fact, and no reason to fail the list.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(DETAILS_CONCURRENCY, queue.length) }, worker));
  return models;
}
