// The GraphQL IDE page, served from the package itself: GraphiQL's browser bundle and React's,
// read from the installed npm packages and sent from this server, so the page works on a machine
// without internet (no CDN). A browser asking GET /graphql for HTML without a query gets the page;
// everything else goes on to the API. Also CORS for /graphql, off unless CORS_ORIGINS names origins.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Context, Hono, Next } from 'hono';
import { cors } from 'hono/cors';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The files the page loads, by the name it asks for them under: package, path inside it, content type. */
const ASSETS: Record<string, { pkg: string; path: string; type: string }> = {
  'react.js': { pkg: 'react', path: 'umd/react.production.min.js', type: 'text/javascript; charset=utf-8' },
  'react-dom.js': { pkg: 'react-dom', path: 'umd/react-dom.production.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.js': { pkg: 'graphiql', path: 'graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.css': { pkg: 'graphiql', path: 'graphiql.min.css', type: 'text/css; charset=utf-8' },
};

const loaded = new Map<string, Buffer>();
function asset(name: string): Buffer {
  let bytes = loaded.get(name);
  if (!bytes) {
    const a = ASSETS[name]!;
    bytes = readFileSync(join(packageDir(a.pkg), a.path));
    loaded.set(name, bytes);
  }
  return bytes;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The IDE page for an endpoint path (its assets live under `<path>/ide/`). */
export function idePage(path: string): string {
  const base = escapeHtml(`${path}/ide/`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>chokepoint GraphQL</title>
<link rel="stylesheet" href="${base}graphiql.css">
<style>html, body, #ide { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="ide" data-endpoint="${escapeHtml(path)}">Loading the GraphQL IDE…</div>
<script src="${base}react.js"></script>
<script src="${base}react-dom.js"></script>
<script src="${base}graphiql.js"></script>
<script src="${base}start.js"></script>
</body>
</html>
`;
}

// started from a file rather than inline, so a strict script-src policy needs no exception
const START = `(function () {
  var root = document.getElementById('ide');
  var url = new URL(root.getAttribute('data-endpoint'), window.location.href).href;
  var fetcher = GraphiQL.createFetcher({ url: url, headers: { 'apollo-require-preflight': 'true' } });
  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: true,
    defaultQuery: '# Chinese models trained on NVIDIA chips, largest first\\n{\\n  models(where: { developer: { nation: { id: { eq: "nation:cn" } } }, trainedOn: { designer: { id: { eq: "org:nvidia" } } } }, orderBy: [{ field: PARAMETERS_B, direction: DESC }], first: 10) {\\n    totalCount\\n    edges { node { id name parametersB } }\\n  }\\n}\\n'
  }));
})();
`;

/** Whether a GET asks for the page: a browser's HTML request with no operation in it. */
function wantsPage(c: Context): boolean {
  const url = new URL(c.req.url);
  return !url.searchParams.has('query') && !url.searchParams.has('extensions') && (c.req.header('accept') ?? '').includes('text/html');
}

/** Mounts CORS (when origins are configured), the IDE page and its assets for the GraphQL endpoint at `path`; before the API's own routes. */
export function mountIde(app: Hono, path: string, opts: { corsOrigins: readonly string[] }): void {
  if (opts.corsOrigins.length) {
    const any = opts.corsOrigins.includes('*');
    app.use(
      path,
      cors({
        origin: any ? '*' : [...opts.corsOrigins],
        allowMethods: ['GET', 'POST', 'OPTIONS'],
        allowHeaders: ['content-type', 'authorization', 'x-api-key', 'apollo-require-preflight', 'x-apollo-operation-name'],
        exposeHeaders: ['ETag', 'Retry-After'],
        maxAge: 600,
      }),
    );
  }
  app.get(`${path}/ide/:file`, (c) => {
    const file = c.req.param('file');
    const headers = { 'Cache-Control': 'public, max-age=86400', 'X-Content-Type-Options': 'nosniff' };
    if (file === 'start.js') return c.body(START, 200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
    if (!Object.hasOwn(ASSETS, file)) return c.json({ error: `no IDE file ${file}` }, 404);
    return c.body(new Uint8Array(asset(file)), 200, { ...headers, 'content-type': ASSETS[file]!.type });
  });
  app.get(path, async (c, next: Next) => {
    if (!wantsPage(c)) return next();
    return c.html(idePage(path), 200, { 'Cache-Control': 'no-cache' });
  });
}
