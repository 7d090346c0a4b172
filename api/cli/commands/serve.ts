import type { CliCommand } from '../command.js';
import { wholeNumber } from '../options.js';

const command: CliCommand = {
  name: 'serve',
  summary: 'serve GraphQL, embeds and /healthz, and run the scheduled ingest jobs (what npm start runs)',
  usage: ['serve [--port N] [--no-seed] [--no-ingest] [--ingest-config FILE] [--allow-private]'],
  help: {
    '--port N': 'port to listen on (default PORT or 4000)',
    '--no-seed': 'do not seed an empty store on start',
    '--no-ingest': 'do not run the scheduled ingest jobs (documents handed over by `chokepoint ingest` are still taken)',
    '--ingest-config FILE': 'the sources file of the scheduled jobs (default INGEST_CONFIG or ingest/sources.yaml)',
    '--allow-private': 'let ingest fetches reach loopback and private addresses (default INGEST_ALLOW_PRIVATE, off)',
  },
  options: {
    port: { type: 'string' },
    'no-seed': { type: 'boolean', default: false },
    'no-ingest': { type: 'boolean', default: false },
    'ingest-config': { type: 'string' },
    'allow-private': { type: 'boolean', default: false },
  },
  async run(args, ctx) {
    const { startServer } = await import('../../server/serve.js');
    const config = { ...ctx.config };
    if (args.values.port !== undefined) config.port = wholeNumber('--port', args.values.port, 0, 65535);
    if (args.values['no-seed']) config.seedOnStart = false;
    config.ingest = {
      ...config.ingest,
      ...(typeof args.values['ingest-config'] === 'string' ? { sources: args.values['ingest-config'] } : {}),
      ...(args.values['allow-private'] ? { allowPrivate: true } : {}),
      ...(args.values['no-ingest'] ? { onServe: false } : {}),
    };
    const server = await startServer(config, { handleSignals: true, scheduleIngest: config.ingest.onServe });
    ctx.err(`chokepoint serving on ${server.url} (GraphQL at ${server.url}/graphql, store: ${server.store.info.kind} ${server.store.info.location})`);
    // the server runs until a signal stops it
    await new Promise<never>(() => undefined);
    return 0;
  },
};
export default command;
