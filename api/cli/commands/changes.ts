import { RELATION_TYPES } from '../../../schema/generated/model.js';
import { documentId } from '../../../schema/records.js';
import type { CliCommand } from '../command.js';
import { choice, wholeNumber } from '../options.js';
import { jsonLine } from '../output.js';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

const command: CliCommand = {
  name: 'changes',
  summary: 'what changed: claims added, retracted and superseded, and the relations they moved, newest first',
  usage: ['changes [--since DATE] [--until DATE] [--since-version N] [--until-version N] [--type REL…] [--kind K…] [--entity ID] [--document ID|URL] [--top N] [--json]'],
  help: {
    '--since': 'changes at or after this date (from its start, UTC) or date-time (2026-05-01T12:00:00Z)',
    '--until': 'changes at or before this date (to its end, UTC) or date-time',
    '--since-version': 'changes after this graph version',
    '--until-version': 'changes up to this graph version',
    '--type': 'only relations of this type (repeatable)',
    '--kind': 'only these changes (repeatable): added, retracted, superseded (claims); created, changed, removed (relations)',
    '--entity': 'only relations with this entity at either end',
    '--document': 'only claims citing this document (its id or URL) and the relations they moved',
    '--top': 'at most this many rows (default 100, 0 for all)',
    '--json': 'one JSON object per line (the history events as stored)',
  },
  options: {
    since: { type: 'string' },
    until: { type: 'string' },
    'since-version': { type: 'string' },
    'until-version': { type: 'string' },
    type: { type: 'string', multiple: true },
    kind: { type: 'string', multiple: true },
    entity: { type: 'string' },
    document: { type: 'string' },
    top: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  async run(args, ctx) {
    const { EVENT_KINDS, timeBound } = await import('../../../graph/history.js');
    const { readHistory } = await import('../../../graph/store.js');
    const v = args.values;
    const top = v.top === undefined ? 100 : wholeNumber('--top', v.top, 0);
    const query = {
      ...(typeof v.since === 'string' ? { since: timeBound('--since', v.since, 'since') } : {}),
      ...(typeof v.until === 'string' ? { until: timeBound('--until', v.until, 'until') } : {}),
      ...(v['since-version'] !== undefined ? { sinceVersion: wholeNumber('--since-version', v['since-version'], 0) } : {}),
      ...(v['until-version'] !== undefined ? { untilVersion: wholeNumber('--until-version', v['until-version'], 0) } : {}),
      types: strings(v.type).map((t) => choice('--type', t, RELATION_TYPES)),
      kinds: strings(v.kind).map((k) => choice('--kind', k, EVENT_KINDS)),
      ...(typeof v.entity === 'string' ? { entity: v.entity } : {}),
      ...(typeof v.document === 'string' ? { document: documentId(v.document) } : {}),
    };
    const store = await ctx.openStore();
    const rows = await readHistory(store, query, top);
    if (v.json) {
      for (const e of rows) ctx.out(jsonLine(e));
      return 0;
    }
    if (!rows.length) {
      ctx.out('no changes');
      return 0;
    }
    const docs = await store.getDocuments([...new Set(rows.flatMap((e) => e.documents))]);
    const table = [['VERSION', 'AT', 'CHANGE', 'RELATION', 'DOCUMENT']];
    for (const e of rows)
      table.push([
        String(e.version),
        e.at.slice(0, 19).replace('T', ' '),
        `${e.entry} ${e.kind}${e.backfilled ? ' (backfilled)' : ''}`,
        `${e.subject} ${e.rel} ${e.object}`,
        e.documents.map((d) => docs.get(d)?.url ?? d).join(', '),
      ]);
    const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
    ctx.out(table.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ')).join('\n'));
    return 0;
  },
};
export default command;
