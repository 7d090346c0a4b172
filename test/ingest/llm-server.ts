// A small OpenAI-compatible chat-completions server for the LLM extractor's tests: it listens on
// 127.0.0.1 at a random port and answers each request as the test's script says (an answer, an
// HTTP error, a pause past the client's time limit), recording every request it was sent.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server was sent: the parsed body of one request. */
export interface SentRequest {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
  /** the document text of the user message */
  text: string;
  authorization?: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** the assistant message's content (a JSON text, or anything) */
  content?: string;
  /** a whole response body instead of a chat completion */
  body?: string;
  finishReason?: string;
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
  /** wait this long before answering */
  delayMs?: number;
}

export interface FakeLlmServer {
  baseUrl: string;
  requests: SentRequest[];
  close(): Promise<void>;
}

/** The content of an answer stating these facts. */
export const answer = (facts: unknown[]): string => JSON.stringify({ facts });

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

/** Starts the server; `script` decides each reply from the request and its number (0-based); `documents` are served by path on GET (for ingest jobs). */
export async function startFakeLlm(script: (req: SentRequest, n: number) => Reply, documents: Record<string, string> = {}): Promise<FakeLlmServer> {
  const requests: SentRequest[] = [];
  const pending = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const doc = req.method === 'GET' ? documents[req.url ?? ''] : undefined;
      if (doc !== undefined) {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(doc);
        return;
      }
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end('{"error":{"message":"not found"}}');
        return;
      }
      const body = JSON.parse(raw) as Omit<SentRequest, 'text'>;
      const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
      const sent: SentRequest = { ...body, text: /"""\n([\s\S]*)\n"""/.exec(user)?.[1] ?? user, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) };
      requests.push(sent);
      const reply = script(sent, requests.length - 1);
      const send = () => {
        if (res.destroyed) return;
        const status = reply.status ?? 200;
        const payload =
          reply.body ??
          JSON.stringify({
            id: `chatcmpl-${requests.length}`,
            object: 'chat.completion',
            model: body.model,
            choices: [{ index: 0, message: { role: 'assistant', content: reply.content ?? '{"facts":[]}' }, finish_reason: reply.finishReason ?? 'stop' }],
            usage: reply.usage ?? { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
          });
        res.writeHead(status, { 'content-type': 'application/json', ...(reply.headers ?? {}) }).end(payload);
      };
      if (reply.delayMs) {
        const t = setTimeout(() => {
          pending.delete(t);
          send();
        }, reply.delayMs);
        pending.add(t);
      } else send();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of pending) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
