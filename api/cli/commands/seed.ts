import type { CliCommand } from '../command.js';

const command: CliCommand = {
  name: 'seed',
  summary: 'load the curated dataset in seeds/ into the store (idempotent)',
  usage: ['seed [--reset]'],
  help: { '--reset': 'remove everything in the store first' },
  options: { reset: { type: 'boolean', default: false } },
  async run(args, ctx) {
    const { seedStore, formatCounts } = await import('../../seeding.js');
    const store = await ctx.openStore();
    if (args.values.reset) {
      await store.clear();
      ctx.err('seed: store cleared');
    }
    const result = await seedStore(store);
    ctx.err(
      `seed: ${result.write.entities} entities, ${result.write.documents} documents, ${result.write.claimsAdded} claims added (${result.write.relationsChanged} relations changed); graph version ${result.write.version}`,
    );
    ctx.out(formatCounts(await store.counts()));
    return 0;
  },
};
export default command;
