// The lexicon is data (ingest/extract/data/*.yaml) checked against the domain model when loaded:
// a label, relation, property or id the schema refuses fails with the file and line. Lexicon and
// curated seeds never hold one id under two names, nor one name under two ids.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LEXICON, LEXICON_DIR, MODEL_FAMILIES, SEATS, loadLexicon, nationOpening } from '../../ingest/extract/lexicon.js';
import { instrumentOf, INSTRUMENT_SOURCE } from '../../ingest/extract/instrument.js';
import { loadSeeds } from '../../seeds/load.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the data folder with one file's text changed. */
function broken(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
  dirs.push(dir);
  cpSync(LEXICON_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after, `the edit of ${file} changed nothing`).not.toBe(before);
  writeFileSync(path, after);
  return dir;
}

/** The line (1-based) of the first line of a file that contains `needle`. */
function lineOf(file: string, needle: string): number {
  return (
    readFileSync(join(LEXICON_DIR, file), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(needle)) + 1
  );
}

function problemsOf(dir: string): string {
  try {
    loadLexicon(dir);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the data to be refused');
}

describe('the built-in lexicon data', () => {
  it('loads and keeps what extraction relies on', () => {
    const data = loadLexicon();
    expect(data.entries.length).toBe(LEXICON.length);
    const byId = new Map(LEXICON.map((e) => [e.id, e]));
    expect(byId.get('nation:cn')).toMatchObject({ label: 'Nation', name: 'China', props: { kind: 'country', iso: 'CN' }, demonyms: ['Chinese'] });
    expect(byId.get('nation:fr')?.places).toContain('Paris');
    expect(byId.get('nation:eu')?.props).toEqual({ kind: 'bloc', iso: 'EU' });
    expect(byId.get('cloud:microsoft-azure')).toMatchObject({ label: 'Cloud', operator: 'org:microsoft', country: 'US' });
    expect(byId.get('chip:nvidia-h20')).toMatchObject({ label: 'Chip', aliases: ['H20', 'Nvidia H20'], props: { kind: 'gpu' } });
    expect(MODEL_FAMILIES.get('qwen')).toBe('org:alibaba');
    // a nation's demonym, name or short form opening a name, and what kind of nation it is ("European" names a bloc)
    expect(nationOpening('French Armed Forces Ministry')).toEqual({ name: 'France', iso: 'FR', kind: 'country', byDemonym: true });
    expect(nationOpening('U.S. Commerce Department')).toEqual({ name: 'United States', iso: 'US', kind: 'country', byDemonym: false });
    expect(nationOpening('European Data Protection Board')?.kind).toBe('bloc');
    expect(nationOpening('Frenchman Ltd')).toBeUndefined();
    // seats of government are places too
    expect(SEATS.has('Washington')).toBe(true);
    expect(byId.get('nation:us')?.places).toContain('Washington');
  });

  it('reads instruments by head noun, with kinds and effects of the domain model', () => {
    expect(instrumentOf('export controls on advanced chips')).toEqual({ kind: 'rule', effect: 'restriction' });
    expect(instrumentOf('Executive Order')).toEqual({ kind: 'executive_order', effect: 'mandate' });
    expect(instrumentOf('licence requirement')).toEqual({ kind: 'rule', effect: 'license_required' });
    expect(instrumentOf('a quarterly earnings call')).toBeNull();
    expect(new RegExp(`^${INSTRUMENT_SOURCE}$`, 'i').test('interim final rule')).toBe(true);
  });
});

describe('lexicon data the domain model refuses', () => {
  const cases: { what: string; file: string; needle: string; edit: (t: string) => string; message: RegExp }[] = [
    {
      what: 'an unknown label',
      file: 'models.yaml',
      needle: 'label: Model',
      edit: (t) => t.replace('label: Model', 'label: Modle'),
      message: /unknown label "Modle"/,
    },
    {
      what: 'an id with the wrong prefix',
      file: 'chips.yaml',
      needle: 'chip:nvidia-h100,',
      edit: (t) => t.replace('id: chip:nvidia-h100,', 'id: gpu:nvidia-h100,'),
      message: /entries\[1\] \(gpu:nvidia-h100\): id: a Chip id starts with "chip:"/,
    },
    {
      what: 'an id that is not a slug',
      file: 'labs.yaml',
      needle: 'lab:anthropic,',
      edit: (t) => t.replace('id: lab:anthropic,', 'id: "lab:Anthropic PBC",'),
      message: /id: "Anthropic PBC" is not a slug \(expected "anthropic-pbc"\)/,
    },
    {
      what: 'a property value the label does not allow',
      file: 'clouds.yaml',
      needle: 'cloud:scaleway,',
      edit: (t) => t.replace(/(id: cloud:scaleway,.*?kind: )sovereign/, '$1galactic'),
      message: /\(cloud:scaleway\): kind: Invalid option/,
    },
    {
      what: 'an operator the relation OPERATED_BY cannot end at',
      file: 'clouds.yaml',
      needle: 'cloud:aws,',
      edit: (t) => t.replace('operator: org:amazon}', 'operator: chip:nvidia-h20}'),
      message: /\(cloud:aws\): operator: OPERATED_BY does not lead from Cloud to Chip/,
    },
    {
      what: 'an operator nobody defines',
      file: 'clouds.yaml',
      needle: 'cloud:aws,',
      edit: (t) => t.replace('operator: org:amazon}', 'operator: org:nobody}'),
      message: /operator: no entry has the id "org:nobody"/,
    },
    {
      what: 'a headquarters country that is not a nation',
      file: 'labs.yaml',
      needle: 'lab:openai,',
      edit: (t) => t.replace(/(id: lab:openai,.*?country: )US/, '$1XX'),
      message: /\(lab:openai\): country: "XX" is not the ISO code of a country in nations\.yaml/,
    },
    {
      what: 'a model family developed by a chip',
      file: 'model-families.yaml',
      needle: 'family: qwen,',
      edit: (t) => t.replace('{family: qwen, developer: org:alibaba}', '{family: qwen, developer: chip:nvidia-h20}'),
      message: /families\[0\] \(qwen\): developer: DEVELOPED_BY does not lead from Model to Chip/,
    },
    {
      what: 'an instrument effect APPLIES_TO does not have',
      file: 'instruments.yaml',
      needle: 'heads: sanctions,',
      edit: (t) => t.replace('{heads: sanctions, kind: rule, effect: sanction}', '{heads: sanctions, kind: rule, effect: punishment}'),
      message: /\(sanctions\): effect: Invalid option/,
    },
    {
      what: 'an instrument kind the Regulation label does not have',
      file: 'instruments.yaml',
      needle: 'heads: sanctions,',
      edit: (t) => t.replace('{heads: sanctions, kind: rule, effect: sanction}', '{heads: sanctions, kind: decree, effect: sanction}'),
      message: /\(sanctions\): kind: Invalid option/,
    },
    {
      what: 'a nation of an unknown kind',
      file: 'nations.yaml',
      needle: '{iso: GCC,',
      edit: (t) => t.replace('{iso: GCC, name: Gulf Cooperation Council, kind: bloc', '{iso: GCC, name: Gulf Cooperation Council, kind: league'),
      message: /nations\[\d+\]: kind: Invalid option/,
    },
    {
      what: 'one id defined twice',
      file: 'models.yaml',
      needle: 'model:gpt-4o,',
      edit: (t) => t.replace('id: model:gpt-4o,', 'id: model:gpt-4,'),
      message: /id: model:gpt-4 is already defined at .*models\.yaml:\d+/,
    },
    {
      what: 'one name under two ids',
      file: 'models.yaml',
      needle: 'model:gpt-5,',
      edit: (t) => t.replace('{id: model:gpt-5, name: GPT-5, aliases: [GPT5]}', '{id: model:gpt-5, name: GPT-5, aliases: [GPT5, GPT-4o]}'),
      message: /model:gpt-5: name: "gpt-4o" is also a name or alias of model:gpt-4o \(.*models\.yaml:\d+\)/,
    },
    {
      what: 'a heading of legal documents as an alias',
      file: 'organizations.yaml',
      needle: 'org:sec,',
      edit: (t) => t.replace('aliases: [U.S. Securities and Exchange Commission,', 'aliases: [SEC, U.S. Securities and Exchange Commission,'),
      message: /org:sec: name: "SEC" is a heading of legal and technical documents, not a name/,
    },
    {
      what: 'a field the format does not have',
      file: 'chips.yaml',
      needle: 'chip:nvidia-h800,',
      edit: (t) => t.replace('{id: chip:nvidia-h800,', '{id: chip:nvidia-h800, maker: NVIDIA,'),
      message: /\(chip:nvidia-h800\): \(item\): Unrecognized key: "maker"/,
    },
    {
      what: 'a YAML syntax error',
      file: 'regulations.yaml',
      needle: 'reg:gdpr,',
      edit: (t) => t.replace('{id: reg:gdpr,', '{id: reg:gdpr, [,'),
      message: /\(yaml\):/,
    },
  ];

  it.each(cases)('$what fails naming the file and line', ({ file, needle, edit, message }) => {
    const line = lineOf(file, needle);
    expect(line, `${needle} not found in ${file}`).toBeGreaterThan(0);
    const text = problemsOf(broken(file, edit));
    expect(text).toMatch(message);
    const located = text.split('\n').find((l) => message.test(l))!;
    expect(located).toContain(`${file}:${line}:`);
  });

  it('reports every problem, not only the first', () => {
    const dir = broken('chips.yaml', (t) => t.replace('id: chip:nvidia-h100,', 'id: gpu:nvidia-h100,').replace('id: chip:nvidia-h200,', 'id: gpu:nvidia-h200,'));
    expect(problemsOf(dir)).toMatch(/^lexicon data has 2 problem\(s\):/);
  });
});

describe('lexicon and curated seeds', () => {
  const seeds = loadSeeds();

  it('never hold one id under two names', () => {
    const seedById = new Map(seeds.entities.map((e) => [e.id, e]));
    const clashes = LEXICON.flatMap((e) => {
      const s = seedById.get(e.id);
      return s && s.name !== e.name ? [`${e.id}: "${e.name}" in the lexicon, "${s.name}" in the seeds`] : [];
    });
    expect(clashes).toEqual([]);
  });

  it('never hold one name under two ids', () => {
    const owners = new Map<string, Set<string>>();
    const own = (name: string, id: string) => {
      const key = name.toLowerCase();
      if (!owners.has(key)) owners.set(key, new Set());
      owners.get(key)!.add(id);
    };
    for (const e of LEXICON) for (const n of [e.name, ...(e.aliases ?? [])]) own(n, e.id);
    for (const e of seeds.entities) for (const n of [e.name, ...e.aliases]) own(n, e.id);
    const clashes = [...owners].filter(([, ids]) => ids.size > 1).map(([name, ids]) => `"${name}": ${[...ids].join(', ')}`);
    expect(clashes).toEqual([]);
  });
});
