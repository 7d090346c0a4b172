import { InvalidInput } from '../../../schema/errors.js';
import type { CliCommand } from '../command.js';

const KINDS = ['news', 'model-card', 'policy', 'feed', 'auto'];

const command: CliCommand = {
  name: 'ingest',
  summary: 'run the configured ingest jobs, ingest given documents, or show recent runs and dead letters',
  usage: ['ingest [--once] [--config FILE] [--job NAME…] [--allow-private]', 'ingest file <path|url…> [--kind K] [--allow-private]', 'ingest status [--json]'],
  help: {
    '--once': 'run every job once and exit (otherwise stay up and run them on their cron schedules)',
    '--config FILE': 'the sources file (default ingest/sources.yaml)',
    '--job NAME': 'only this job (repeatable)',
    '--allow-private': 'let fetches reach loopback and private addresses (off by default: SSRF guard)',
    '--kind K': 'for `ingest file`: news, model-card, policy, feed or auto (default)',
    '--json': 'for `ingest status`: the run records as JSON',
  },
  options: {
    once: { type: 'boolean', default: false },
    config: { type: 'string' },
    job: { type: 'string', multiple: true },
    'allow-private': { type: 'boolean', default: false },
    kind: { type: 'string', default: 'auto' },
    json: { type: 'boolean', default: false },
  },
  async run(args, ctx) {
    const { createPipeline, formatRun, ingestStatus } = await import('../../../ingest/ingest-service.js');
    const [sub, ...rest] = args.positionals;
    const allowPrivate = !!args.values['allow-private'];
    if (sub === 'status') {
      const { text, runs } = await ingestStatus(await ctx.openStore());
      ctx.out(args.values.json ? JSON.stringify(runs, null, 2) : text);
      return 0;
    }
    if (sub === 'file') {
      const kind = String(args.values.kind);
      if (!KINDS.includes(kind)) throw new InvalidInput(`--kind: expected one of ${KINDS.join(', ')}, got "${kind}"`);
      if (!rest.length) throw new InvalidInput('ingest file: give at least one path or URL');
      const pipeline = createPipeline(await ctx.openStore(), null, { allowPrivate, progress: ctx.progress });
      const report = await pipeline.run('manual', rest.map((location) => ({ location, kind: kind as 'auto' })));
      ctx.out(formatRun(report));
      for (const f of report.failures) ctx.err(`ingest: ${f.url}: ${f.reason}: ${f.message}`);
      return report.failures.length ? 1 : 0;
    }
    if (sub !== undefined) throw new InvalidInput(`ingest: unknown subcommand "${sub}" (expected file or status)`);
    const { loadSourcesConfig, DEFAULT_SOURCES } = await import('../../../ingest/scheduler/config.js');
    const { runAllOnce, scheduleJobs } = await import('../../../ingest/scheduler/scheduler.js');
    const config = loadSourcesConfig(typeof args.values.config === 'string' ? args.values.config : DEFAULT_SOURCES);
    const only = Array.isArray(args.values.job) ? args.values.job.map(String) : undefined;
    const unknown = only?.filter((j) => !config.jobs.some((c) => c.name === j));
    if (unknown?.length) throw new InvalidInput(`--job: no job named ${unknown.join(', ')} in the sources file`);
    const pipeline = createPipeline(await ctx.openStore(), config, { allowPrivate, progress: ctx.progress });
    if (args.values.once) {
      for (const o of await runAllOnce(config, pipeline, only)) ctx.out(o.report ? formatRun(o.report) : `${o.job}: skipped, another worker holds its lease`);
      return 0;
    }
    const filtered = only ? { ...config, jobs: config.jobs.filter((j) => only.includes(j.name)) } : config;
    const tasks = scheduleJobs(
      filtered,
      pipeline,
      (o) => ctx.out(o.report ? formatRun(o.report) : `${o.job}: skipped, another worker holds its lease`),
      (job, err) => ctx.err(`ingest: job ${job} failed: ${(err as Error).message}`),
    );
    ctx.err(`ingest: ${tasks.length} jobs scheduled; Ctrl-C to stop`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        for (const t of tasks) void t.stop();
        resolve();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
export default command;
