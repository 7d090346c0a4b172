// What the HTTP layer's parts (GraphQL, embeds, health) are given.
import type { Logger } from 'pino';
import type { SnapshotCache } from '../../graph/snapshot-cache.js';
import type { GraphStore } from '../../graph/store.js';
import type { Config } from '../config.js';

export interface AppDeps {
  store: GraphStore;
  snapshots: SnapshotCache;
  config: Config;
  logger: Logger;
}
