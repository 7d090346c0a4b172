// Plain-text renderings for people: a scenario result as a table with the first cause and
// mitigation of each deployment, and a chokepoint ranking.
import type { ChokepointRow } from './chokepoints.js';
import type { ScenarioResult } from './engine.js';

/** Control characters (terminal escape sequences smuggled into an id or name) shown as U+FFFD. */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
}

function table(raw: string[][]): string {
  const rows = raw.map((r) => r.map(terminalSafe));
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A scenario result as a summary line and one row per affected deployment. */
export function formatScenarioTable(result: ScenarioResult): string {
  const s = result.summary;
  const head = terminalSafe(`${result.scenario}${result.asOf ? ` (as of ${result.asOf})` : ''}: ${s.broken} broken, ${s.degraded} degraded, ${s.atRisk} at risk, ${s.unaffected} unaffected`);
  if (!result.impacts.length) return `${head}\n`;
  const rows = [['STATUS', 'DEPLOYMENT', 'CAUSE', 'MITIGATION']];
  for (const imp of result.impacts) {
    const c = imp.causes[0];
    const cause = c ? `${c.origin}${c.steps.length ? ` via ${c.steps.map((st) => st.rel).join(' > ')}` : ''} (${c.type})` : '';
    const m = imp.mitigations[0];
    // a shortfall by recorded shares or counts says how much is lost
    const status = imp.lost === undefined ? imp.status : `${imp.status} ${Math.round(imp.lost * 100)}% lost`;
    rows.push([status, imp.deployment.id, cause, m ? `${m.replace} -> ${m.with}` : '']);
  }
  return `${head}\n\n${table(rows)}\n${baselineLines(result)}`;
}

// what the shocks change beyond the rules in force, when the run had a baseline
function baselineLines(result: ScenarioResult): string {
  const b = result.baseline;
  if (!b) return '';
  const head = `rules in force alone: ${b.summary.broken} broken, ${b.summary.degraded} degraded, ${b.summary.atRisk} at risk; the scenario changes ${b.changes.length}`;
  if (!b.changes.length) return `\n${head}\n`;
  return `\n${head}\n\n${table([['DEPLOYMENT', 'BEFORE', 'AFTER'], ...b.changes.map((c) => [c.deployment.id, c.before, c.after])])}\n`;
}

/** A chokepoint ranking as a numbered table. */
export function formatChokepoints(rows: readonly ChokepointRow[]): string {
  if (!rows.length) return 'no entity breaks any deployment on its own\n';
  const body = [['#', 'ENTITY', 'LABEL', 'BROKEN', 'SHARE', 'DEGRADED', 'AT_RISK']];
  rows.forEach((r, i) => body.push([String(i + 1), r.entity.id, r.entity.label, String(r.broken), `${(r.share * 100).toFixed(1)}%`, String(r.degraded), String(r.atRisk)]));
  return `${table(body)}\n`;
}
