import grafeo from '@grafeo-db/js';
const { GrafeoDB } = grafeo as any;
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
const dir = mkdtempSync(join(tmpdir(), 'gf-'));
const p = join(dir, 'db');
const db = GrafeoDB.create(p);
db.createNode(['A'], { x: 1 });
try { db.walCheckpoint(); } catch (e) { console.log('ckpt', (e as Error).message); }
try {
  const ro = GrafeoDB.openReadOnly(p);
  console.log('ro nodes', ro.nodeCount());
  db.createNode(['A'], { x: 2 });
  console.log('after write: ro', ro.nodeCount(), 'rw', db.nodeCount());
} catch (e) { console.log('openReadOnly failed:', (e as Error).message); }
