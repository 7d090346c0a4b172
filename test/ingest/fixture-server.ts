// A loopback-only HTTP server serving the ingest fixtures and the hostile cases: a 50 MB body,
// a redirect loop, a server that never answers, a non-UTF-8 page, malformed XML, a binary.
import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/ingest', name));

export interface FixtureServer {
  base: string;
  /** what /mutable serves */
  setMutable(text: string): void;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  let mutable = 'Scale AI acquired ICG Solutions.';
  let base = '';
  const send = (res: ServerResponse, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(200, { 'content-type': type, ...headers });
    res.end(body);
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    switch (path) {
      case '/feed.xml':
        return send(res, 'application/rss+xml', fixture('rss.xml').toString('utf8').replace('ARTICLE_URL', `${base}/article`).replace('DEAD_URL', `${base}/gone`));
      case '/atom.xml':
        return send(res, 'application/atom+xml', fixture('atom.xml').toString('utf8').replace('POLICY_URL', `${base}/policy`));
      case '/article':
        return send(res, 'text/html; charset=utf-8', fixture('article.html'));
      case '/policy':
        return send(res, 'text/html', fixture('policy.html'));
      case '/card.md':
        return send(res, 'text/markdown', fixture('model-card.md'));
      case '/models.csv':
        return send(res, 'text/csv', fixture('models.csv'));
      case '/malformed.xml':
        return send(res, 'application/rss+xml', fixture('malformed.xml'));
      case '/latin1':
        return send(res, 'text/html', fixture('latin1.html'));
      case '/script-title':
        return send(res, 'text/html', fixture('script-title.html'));
      case '/binary':
        return send(res, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      case '/mutable':
        return send(res, 'text/plain', mutable);
      case '/etag':
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304);
          return res.end();
        }
        return send(res, 'text/plain', 'Microsoft invested $10 billion in OpenAI.', { etag: '"v1"' });
      case '/loop-a':
        res.writeHead(302, { location: '/loop-b' });
        return res.end();
      case '/loop-b':
        res.writeHead(302, { location: '/loop-a' });
        return res.end();
      case '/big': {
        // 50 MB, streamed without Content-Length; stops as soon as the client goes away
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 50 * 1024 * 1024 && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => (sent = Infinity));
        return pump();
      }
      case '/never':
        return; // holds the connection open and never answers
      case '/gone':
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('gone');
      default:
        res.writeHead(404);
        return res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    setMutable: (t) => void (mutable = t),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
