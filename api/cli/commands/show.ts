import { InvalidInput, NotFound } from '../../../schema/errors.js';
import type { CliCommand } from '../command.js';
import { jsonLine } from '../output.js';

const command: CliCommand = {
  name: 'show',
  summary: 'print the record behind a global id: an entity (chip:…), a relation (rel:…) or a claim (claim:…), as JSON',
  usage: ['show <id>'],
  options: {},
  async run(args, ctx) {
    const [id, ...rest] = args.positionals;
    if (!id || rest.length) throw new InvalidInput(`show: expected one id (chip:nvidia-h20, rel:…, claim:…), got ${args.positionals.length}`);
    const { nodeById, storeNodeReads } = await import('../../../graph/query-nodes.js');
    const found = await nodeById(storeNodeReads(await ctx.openStore()), await ctx.snapshot(), id);
    if (!found) throw new NotFound(`${id}: no entity, relation or claim has this id`);
    ctx.out(jsonLine({ kind: found.kind, ...(found.kind === 'entity' ? found.entity : found.kind === 'relation' ? found.relation : found.claim) }, 2));
    return 0;
  },
};
export default command;
