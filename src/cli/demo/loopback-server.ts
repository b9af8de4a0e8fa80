// A real HTTP server on 127.0.0.1 that answers like a provider: for the demo, the tests and the benchmark.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The request body as text ("" for a GET). */
  readonly body: string;
}

export interface LoopbackResponse {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Sent as is, instead of json. */
  readonly text?: string;
  /** Wait this long before answering. */
  readonly delayMs?: number;
}

export type LoopbackHandler = (
  request: RecordedRequest,
  response: ServerResponse,
) => LoopbackResponse | "handled" | Promise<LoopbackResponse | "handled">;

export interface LoopbackServer {
  /** http://127.0.0.1:PORT, no trailing slash. */
  readonly origin: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startLoopbackServer(handler: LoopbackHandler): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    // Recorded when the request arrives, so a handler that never answers is still counted.
    const recorded = { method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers, body: "" };
    requests.push(recorded);
    new Promise<void>((resolve) => {
      req.on("end", resolve);
      req.on("error", () => resolve());
    })
      .then(() => {
        recorded.body = Buffer.concat(chunks).toString("utf8");
        return handler(recorded, res);
      })
      .then(async (answer) => {
        if (answer === "handled") return;
        if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
        const body = answer.text ?? JSON.stringify(answer.json ?? null);
        res.writeHead(answer.status ?? 200, {
          "content-type": answer.text === undefined ? "application/json" : "text/html",
          ...answer.headers,
        });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** GET {prefix}/models answers `list`; a wrong or missing bearer key gets the OpenAI-shaped 401. */
export function modelListHandler(list: unknown, options: { prefix?: string; apiKey?: string } = {}): LoopbackHandler {
  const path = `${options.prefix ?? "/v1"}/models`;
  return (request) => {
    if (request.method !== "GET" || request.path.split("?")[0] !== path) {
      return { status: 404, json: { error: { message: `no route ${request.path}`, type: "not_found" } } };
    }
    if (options.apiKey !== undefined && request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return {
        status: 401,
        json: { error: { message: "Invalid Authentication", type: "invalid_authentication_error" } },
      };
    }
    return { json: list };
  };
}
