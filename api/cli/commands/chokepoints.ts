import { LABELS, type Label } from '../../../schema/generated/model.js';
import type { CliCommand } from '../command.js';
import { choice, wholeNumber } from '../options.js';
import { jsonLine } from '../output.js';

const command: CliCommand = {
  name: 'chokepoints',
  summary: 'rank entities by how many deployments break if that entity alone fails',
  usage: ['chokepoints [--top N] [--type LABEL] [--as-of DATE] [--json]'],
  help: { '--top': 'how many rows (default 20, 0 for all)', '--type': `only one label (${LABELS.join(', ')})`, '--as-of': 'judge the graph as it stood on this date', '--json': 'print rows as JSON' },
  options: { top: { type: 'string' }, type: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean', default: false } },
  async run(args, ctx) {
    const top = args.values.top === undefined ? 20 : wholeNumber('--top', args.values.top, 0);
    const type: Label | undefined = args.values.type === undefined ? undefined : choice('--type', args.values.type, LABELS);
    const { rankChokepoints } = await import('../../../scenarios/chokepoints.js');
    const { formatChokepoints } = await import('../../../scenarios/format.js');
    const asOf = args.values['as-of'];
    const rows = rankChokepoints(await ctx.snapshot(), { first: top, ...(type ? { type } : {}), ...(typeof asOf === 'string' ? { asOf } : {}) });
    ctx.out(args.values.json ? jsonLine(rows, 2) : formatChokepoints(rows));
    return 0;
  },
};
export default command;
