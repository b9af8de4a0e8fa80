// One GET of a JSON document with a deadline, a size cap, and redirects that never carry a key to another origin.

export type TransportFailureKind = "timeout" | "network" | "too_large" | "redirect";

export class TransportError extends Error {
  override name = "TransportError";
  constructor(
    readonly kind: TransportFailureKind,
    message: string,
    /** Whether another attempt may go better: a dropped connection may, a host that does not exist will not. */
    readonly retryable = kind === "network" || kind === "timeout",
  ) {
    super(message);
  }
}

export interface HttpAnswer {
  readonly status: number;
  readonly retryAfter: string | null;
  /** Parsed JSON, or undefined when the body is not JSON. */
  readonly json: unknown;
  readonly isJson: boolean;
}

export interface GetJsonOptions {
  readonly authorization?: string;
  /** Further request headers (a key in x-api-key, anthropic-version); sent on same-origin redirects only, as the key is. */
  readonly headers?: Readonly<Record<string, string>>;
  /** POST with this JSON body instead of a GET (Ollama's /api/show). */
  readonly postJson?: unknown;
  readonly signal: AbortSignal;
  readonly maxBytes: number;
  readonly maxRedirects?: number;
}

export async function httpGetJson(url: string, options: GetJsonOptions): Promise<HttpAnswer> {
  let current = new URL(url);
  const origin = current.origin;
  for (let hop = 0; ; hop++) {
    const response = await send(current, options);
    if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
      await response.body?.cancel().catch(() => undefined);
      // The Location is untrusted: it may not parse, and may carry anything (a key, a host name of any length),
      // so nothing of it goes into a message. Host names are case-folded too, so a key in one would escape redaction.
      let next: URL;
      try {
        next = new URL(response.headers.get("location")!, current);
      } catch {
        throw new TransportError("redirect", "redirected to a Location that is not a URL");
      }
      if (next.origin !== origin) {
        throw new TransportError("redirect", "redirected to another origin; not followed, so the key is not sent there");
      }
      if (hop >= (options.maxRedirects ?? 3)) throw new TransportError("redirect", "too many redirects");
      current = next;
      continue;
    }
    const text = await readCapped(response, options.maxBytes, options.signal);
    let json: unknown;
    let isJson = true;
    try {
      // A byte-order mark before the JSON is no reason to call the answer broken.
      json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      isJson = false;
    }
    return { status: response.status, retryAfter: response.headers.get("retry-after"), json, isJson };
  }
}

async function send(url: URL, options: GetJsonOptions): Promise<Response> {
  try {
    const post = options.postJson !== undefined;
    return await fetch(url, {
      method: post ? "POST" : "GET",
      redirect: "manual",
      signal: options.signal,
      headers: {
        accept: "application/json",
        ...options.headers,
        ...(post ? { "content-type": "application/json" } : {}),
        ...(options.authorization ? { authorization: options.authorization } : {}),
      },
      ...(post ? { body: JSON.stringify(options.postJson) } : {}),
    });
  } catch (error) {
    throw transportFailure(error, options.signal);
  }
}

async function readCapped(response: Response, maxBytes: number, signal: AbortSignal): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new TransportError("too_large", `the answer is larger than ${maxBytes} bytes`);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new TransportError("too_large", `the answer is larger than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof TransportError) throw error;
    throw transportFailure(error, signal);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function transportFailure(error: unknown, signal: AbortSignal): TransportError {
  if (signal.aborted) return new TransportError("timeout", "no complete answer before the deadline");
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as NodeJS.ErrnoException).code;
  const what =
    code === "ECONNREFUSED" ? "connection refused" : code === "ENOTFOUND" || code === "EAI_AGAIN" ? "host not found" : code === "ECONNRESET" ? "connection reset" : "network error";
  // ENOTFOUND is the resolver's final word that the name does not exist; EAI_AGAIN is a lookup that may yet work.
  return new TransportError("network", code ? `${what} (${code})` : what, code !== "ENOTFOUND");
}
