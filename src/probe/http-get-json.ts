// One GET of a JSON document with a deadline, a size cap, and redirects that never carry a key to another origin.
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";

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
    const location = header(response, "location");
    if (
      response.statusCode !== undefined &&
      response.statusCode >= 300 &&
      response.statusCode < 400 &&
      location !== null
    ) {
      response.destroy();
      // The Location is untrusted: it may not parse, and may carry anything (a key, a host name of any length),
      // so nothing of it goes into a message. Host names are case-folded too, so a key in one would escape redaction.
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        throw new TransportError("redirect", "redirected to a Location that is not a URL");
      }
      if (next.origin !== origin) {
        throw new TransportError(
          "redirect",
          "redirected to another origin; not followed, so the key is not sent there",
        );
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
    return { status: response.statusCode ?? 0, retryAfter: header(response, "retry-after"), json, isJson };
  }
}

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? value.join(", ") : null;
}

/**
 * node:http rather than fetch: one GET (or Ollama's one POST) needs none of fetch's machinery, and loading and running undici's streams
 * cost a registration about 35 MB of peak memory for a 7 MB list. No agent: one connection per request, closed after
 * it, so nothing is left open to hold the process. Credentials never ride in the URL (planProbes moves them to the
 * Authorization header), so host, port and path are passed apart from them.
 */
function send(url: URL, options: GetJsonOptions): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => reject(transportFailure(error, options.signal));
    try {
      const body = options.postJson !== undefined ? JSON.stringify(options.postJson) : undefined;
      const request = (url.protocol === "https:" ? httpsRequest : httpRequest)(
        {
          protocol: url.protocol,
          hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
          port: url.port === "" ? undefined : Number(url.port),
          path: `${url.pathname}${url.search}`,
          method: body !== undefined ? "POST" : "GET",
          agent: false,
          signal: options.signal,
          headers: {
            accept: "application/json",
            ...options.headers,
            ...(body !== undefined
              ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) }
              : {}),
            ...(options.authorization ? { authorization: options.authorization } : {}),
          },
        },
        resolve,
      );
      request.on("error", fail);
      request.end(body);
    } catch (error) {
      fail(error);
    }
  });
}

const EMPTY = Buffer.alloc(0);

/** The body, read as it comes into one buffer (sized from Content-Length when given, else grown), within the cap. */
function readCapped(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<string> {
  const declared = Number(header(response, "content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return Promise.reject(new TransportError("too_large", `the answer is larger than ${maxBytes} bytes`));
  }
  return new Promise((resolve, reject) => {
    let buffer = Buffer.allocUnsafe(Number.isSafeInteger(declared) && declared > 0 ? declared : 64 * 1024);
    let size = 0;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      // The listeners, and so this closure, live as long as the response: let go of the bytes once they are read.
      buffer = EMPTY;
    };
    response.on("data", (chunk: Buffer) => {
      if (settled) return;
      if (size + chunk.length > maxBytes) {
        settle(() => reject(new TransportError("too_large", `the answer is larger than ${maxBytes} bytes`)));
        response.destroy();
        return;
      }
      if (size + chunk.length > buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(maxBytes, Math.max(buffer.length * 2, size + chunk.length)));
        buffer.copy(grown, 0, 0, size);
        buffer = grown;
      }
      chunk.copy(buffer, size);
      size += chunk.length;
    });
    response.on("end", () => settle(() => resolve(buffer.toString("utf8", 0, size))));
    response.on("error", (error) => settle(() => reject(transportFailure(error, signal))));
    // Closed before its end: the connection was cut, or the deadline aborted it.
    response.on("close", () =>
      settle(() =>
        reject(
          transportFailure(
            Object.assign(new Error("terminated"), { code: response.complete ? undefined : "ECONNRESET" }),
            signal,
          ),
        ),
      ),
    );
  });
}

function transportFailure(error: unknown, signal: AbortSignal): TransportError {
  if (signal.aborted) return new TransportError("timeout", "no complete answer before the deadline");
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as NodeJS.ErrnoException).code;
  const what =
    code === "ECONNREFUSED"
      ? "connection refused"
      : code === "ENOTFOUND" || code === "EAI_AGAIN"
        ? "host not found"
        : code === "ECONNRESET"
          ? "connection reset"
          : "network error";
  // ENOTFOUND is the resolver's final word that the name does not exist; EAI_AGAIN is a lookup that may yet work.
  return new TransportError("network", code ? `${what} (${code})` : what, code !== "ENOTFOUND");
}
