import { InvalidInput } from '../../../schema/errors.js';
import { terminalSafe } from '../../../scenarios/format.js';
import type { CliCommand } from '../command.js';
import { jsonLine } from '../output.js';

const command: CliCommand = {
  name: 'scenario',
  summary: 'list the named what-if scenarios, or run one against the graph',
  usage: ['scenario list', 'scenario run <name|file.yaml> [--as-of DATE] [--baseline] [--horizon immediate|6m|24m] [--json]'],
  help: {
    '--as-of': 'judge the graph as it stood on this date (YYYY-MM-DD)',
    '--baseline': "evaluate the graph's rules in force first and list what the scenario changes beyond them",
    '--horizon': 'how far ahead to look: immediate or months (6m, 24m); under 12 months installed hardware runs on, at risk',
    '--json': 'print the result as JSON (the shape in the README, section Scenarios)',
  },
  options: { 'as-of': { type: 'string' }, horizon: { type: 'string' }, baseline: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  async run(args, ctx) {
    const [verb, target] = args.positionals;
    const { loadLibrary, findScenario, fromObject } = await import('../../../scenarios/scenario-file.js');
    if (verb === 'list') {
      const { scenarios, errors } = loadLibrary();
      for (const e of errors) ctx.err(terminalSafe(`scenario: ${e.message}`));
      if (args.values.json)
        ctx.out(
          jsonLine(
            scenarios.map((s) => ({ name: s.name, title: s.title, description: s.description, sources: s.sources, asOf: s.asOf ?? null })),
            2,
          ),
        );
      else {
        const width = Math.max(...scenarios.map((s) => s.name.length));
        ctx.out(scenarios.map((s) => `${s.name.padEnd(width)}  ${terminalSafe(s.title)}`).join('\n'));
      }
      return 0;
    }
    if (verb !== 'run') throw new InvalidInput(`expected "list" or "run", got ${verb ? `"${verb}"` : 'nothing'}`);
    if (!target) throw new InvalidInput('run: expected a scenario name or a .yaml file');
    const found = findScenario(target);
    const horizon = args.values.horizon;
    const scenario = fromObject({ ...found, ...(args.values.baseline ? { baseline: true } : {}), ...(typeof horizon === 'string' ? { horizon } : {}) }, '--horizon');
    const { runScenario } = await import('../../../scenarios/engine.js');
    const { formatScenarioTable } = await import('../../../scenarios/format.js');
    const asOf = args.values['as-of'];
    const result = runScenario(await ctx.snapshot(), scenario, typeof asOf === 'string' ? { asOf } : {});
    ctx.out(args.values.json ? jsonLine(result, 2) : formatScenarioTable(result));
    return 0;
  },
};
export default command;
