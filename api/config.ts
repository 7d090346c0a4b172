// Configuration from the environment (README: Configuration), validated once; errors name the variable.
import { z } from 'zod';
import { InvalidInput } from '../schema/errors.js';

const env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STORE: z.enum(['embedded', 'neo4j']).default('embedded'),
  NEO4J_URI: z.string().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().optional(),
  NEO4J_MAX_POOL_SIZE: z.coerce.number().int().min(1).max(10_000).optional(),
  API_KEYS: z.string().default(''),
  PUBLIC_URL: z.string().optional(),
  EMBED_FRAME_ANCESTORS: z.string().default('*'),
  CORS_ORIGINS: z.string().default(''),
  INTROSPECTION: z.enum(['true', 'false']).default('true'),
  SEED_ON_START: z.enum(['true', 'false']).default('true'),
  INGEST_CONFIG: z.string().optional(),
  INGEST_ON_SERVE: z.enum(['true', 'false']).default('true'),
  INGEST_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  CHOKEPOINT_SERVER: z.url({ message: 'expected the URL of a running chokepoint server, e.g. http://localhost:4000' }).optional(),
  CHOKEPOINT_API_KEY: z.string().optional(),
  GRAPHQL_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(0).default(50),
  RATE_LIMIT_BURST: z.coerce.number().int().min(0).default(500),
  HEAVY_CONCURRENCY: z.coerce.number().int().min(1).default(2),
  HEAVY_QUEUE: z.coerce.number().int().min(0).default(64),
  STALE_ANSWER_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  CHANGE_LOG_VERSIONS: z.coerce.number().int().min(1).default(1000),
  SNAPSHOT_RECHECK_MS: z.coerce.number().int().min(0).default(1000),
});

export type ApiKeyRole = 'editor' | 'reader';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  logLevel: string;
  store: 'embedded' | 'neo4j';
  neo4j?: { uri: string; user: string; password: string; database?: string; maxConnectionPoolSize?: number };
  /** graph versions the store's change log keeps (replicas further behind read the whole graph) */
  changeLogVersions: number;
  /** how long a replica serves its snapshot before asking the store's version again (ms) */
  snapshotRecheckMs: number;
  apiKeys: Map<string, ApiKeyRole>;
  publicUrl?: string;
  frameAncestors: string;
  /** origins browsers may call /graphql from (CORS); empty: none (no CORS headers), `*`: any */
  corsOrigins: string[];
  introspection: boolean;
  seedOnStart: boolean;
  ingest: {
    /** the sources file (undefined: ingest/sources.yaml) */
    sources?: string;
    /** `serve` runs the scheduled jobs in-process (off with --no-ingest) */
    onServe: boolean;
    /** let ingest fetches reach loopback and private addresses */
    allowPrivate: boolean;
  };
  /** where a CLI hands its ingest work when a server holds the embedded store */
  client: { server?: string; apiKey?: string };
  limits: {
    /** bytes of a /graphql request body (an editor's ingestDocuments hand-off may send more: 20 documents of 5 MB) */
    bodyBytes: number;
    /** requests per second each client (API key, else address) may make steadily; 0 turns rate limiting off */
    ratePerSecond: number;
    /** extra requests per 10 seconds a client may make above the steady rate */
    rateBurst: number;
    /** expensive GraphQL operations (paths, exposure, scenarios, search, large costs) run at once */
    heavyConcurrency: number;
    /** expensive operations that may wait for a slot; more are refused with 503 and Retry-After */
    heavyQueue: number;
    /**
     * how long after a graph version was last served, once the graph moved past it, a read may still be
     * answered from that version's cached answer (marked), instead of 503 or while its new answer is
     * computed (ms); 0: never
     */
    staleAnswerMs: number;
  };
}

/** Parses API_KEYS="key1:editor,key2:reader". */
export function parseApiKeys(text: string): Map<string, ApiKeyRole> {
  const keys = new Map<string, ApiKeyRole>();
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [key, role] = part.split(':');
    if (!key || (role !== 'editor' && role !== 'reader')) throw new InvalidInput(`API_KEYS: "${part}" should be key:editor or key:reader`);
    keys.set(key, role);
  }
  return keys;
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = env.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInput(`${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  if (e.PUBLIC_URL !== undefined && !/^https?:\/\/[^/?#\s]+/i.test(e.PUBLIC_URL))
    throw new InvalidInput(`PUBLIC_URL: expected the server's public origin like https://maps.example.org, got "${e.PUBLIC_URL}"`);
  const corsOrigins = e.CORS_ORIGINS.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const origin of corsOrigins)
    if (origin !== '*' && !/^https?:\/\/[^/?#\s]+$/i.test(origin)) throw new InvalidInput(`CORS_ORIGINS: "${origin}" is not an origin like https://app.example.org (no path), or *`);
  if (e.STORE === 'neo4j' && !e.NEO4J_URI) throw new InvalidInput('NEO4J_URI: required when STORE=neo4j (e.g. neo4j://localhost:7687)');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    store: e.STORE,
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE, ...(e.NEO4J_MAX_POOL_SIZE ? { maxConnectionPoolSize: e.NEO4J_MAX_POOL_SIZE } : {}) }
      : undefined,
    changeLogVersions: e.CHANGE_LOG_VERSIONS,
    snapshotRecheckMs: e.SNAPSHOT_RECHECK_MS,
    apiKeys: parseApiKeys(e.API_KEYS),
    publicUrl: e.PUBLIC_URL,
    frameAncestors: e.EMBED_FRAME_ANCESTORS,
    corsOrigins,
    introspection: e.INTROSPECTION === 'true',
    seedOnStart: e.SEED_ON_START === 'true',
    ingest: { sources: e.INGEST_CONFIG, onServe: e.INGEST_ON_SERVE === 'true', allowPrivate: e.INGEST_ALLOW_PRIVATE === 'true' },
    client: { server: e.CHOKEPOINT_SERVER, apiKey: e.CHOKEPOINT_API_KEY },
    limits: {
      bodyBytes: e.GRAPHQL_BODY_LIMIT,
      ratePerSecond: e.RATE_LIMIT_PER_SECOND,
      rateBurst: e.RATE_LIMIT_BURST,
      heavyConcurrency: e.HEAVY_CONCURRENCY,
      heavyQueue: e.HEAVY_QUEUE,
      staleAnswerMs: e.STALE_ANSWER_MS,
    },
  };
}
