import { LABELS, type Label } from '../../../schema/generated/model.js';
import { InvalidInput } from '../../../schema/errors.js';
import type { CliCommand } from '../command.js';

const command: CliCommand = {
  name: 'chokepoints',
  summary: 'rank entities by how many deployments break if that entity alone fails',
  usage: ['chokepoints [--top N] [--type LABEL] [--as-of DATE] [--json]'],
  help: { '--top': 'how many rows (default 20, 0 for all)', '--type': `only one label (${LABELS.join(', ')})`, '--as-of': 'judge the graph as it stood on this date', '--json': 'print rows as JSON' },
  options: { top: { type: 'string' }, type: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean', default: false } },
  async run(args, ctx) {
    const top = args.values.top === undefined ? 20 : Number(args.values.top);
    if (!Number.isInteger(top) || top < 0) throw new InvalidInput(`--top: expected a whole number, got "${String(args.values.top)}"`);
    const type = args.values.type;
    if (type !== undefined && !LABELS.includes(type as Label)) throw new InvalidInput(`--type: unknown label "${String(type)}" (known: ${LABELS.join(', ')})`);
    const { rankChokepoints } = await import('../../../scenarios/chokepoints.js');
    const { formatChokepoints } = await import('../../../scenarios/format.js');
    const asOf = args.values['as-of'];
    const rows = rankChokepoints(await ctx.snapshot(), { first: top, ...(type ? { type: type as Label } : {}), ...(typeof asOf === 'string' ? { asOf } : {}) });
    ctx.out(args.values.json ? JSON.stringify(rows, null, 2) : formatChokepoints(rows));
    return 0;
  },
};
export default command;
