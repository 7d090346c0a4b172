// The small parts the CLI's one-line failures are made of, as tables: option values, content
// sniffing, Node's own errors turned into lines and exit codes, DATA_DIR problems, JSON escaping.
import { describe, expect, it } from 'vitest';
import { describeFailure, isBrokenPipe } from '../../api/cli/failure.js';
import { choice, wholeNumber } from '../../api/cli/options.js';
import { escapeC1, jsonLine } from '../../api/cli/output.js';
import { utf8Text } from '../../api/cli/input.js';
import { embeddedOpenError } from '../../graph/embedded/open-errors.js';
import { looksLikeText } from '../../ingest/sources/sniff.js';
import { InvalidInput, NotFound, StoreUnavailable } from '../../schema/errors.js';

describe('option values', () => {
  it.each([
    ['chip', 'Chip'],
    ['CHIP', 'Chip'],
    [' DataCenter ', 'DataCenter'],
  ])('--type %j is the label %s', (given, label) => {
    expect(choice('--type', given, ['Chip', 'DataCenter'] as const)).toBe(label);
  });

  it('names the option, the value and what it takes when nothing matches', () => {
    expect(() => choice('--kind', 'blog', ['news', 'feed'] as const)).toThrow(new InvalidInput('--kind: expected one of news, feed, got "blog"'));
  });

  it.each([
    ['0', 0, 0],
    ['20', 0, 20],
    ['+3', 1, 3],
  ])('%j is the whole number %i allows', (text, min, n) => {
    expect(wholeNumber('--top', text, min)).toBe(n);
  });

  it.each(['-1', '1.5', 'ten', '', '1e3', '99999999999999999999'])('%j is refused in one line', (text) => {
    expect(() => wholeNumber('--top', text, 0)).toThrow(/^--top: expected a whole number of at least 0, got "/);
  });
});

describe('content sniffing', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
  const cases: [string, boolean, Buffer][] = [
    ['UTF-8 prose', true, Buffer.from('Huawei’s Ascend 910B — “a wildcard”.\n')],
    ['windows-1252 prose', true, Buffer.from('The \x93sovereign\x94 cloud \x97 run from a caf\xe9 \x96 costs \x80 5 million.\n', 'latin1')],
    ['a short windows-1252 line', true, Buffer.from('\x93Quote\x94 caf\xe9\n', 'latin1')],
    ['UTF-16 with its BOM', true, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('NVIDIA H20 ships.\n', 'utf16le')])],
    ['an empty file', true, Buffer.alloc(0)],
    ['a PNG image', false, png],
    ['bytes with NULs', false, Buffer.from([0x41, 0x00, 0x42, 0x00, 0x00, 0x01, 0x02, 0x03])],
    ['pseudo-random bytes', false, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + (i >> 3) * 104729) % 256))],
  ];
  it.each(cases)('%s: text is %s', (_what, text, bytes) => {
    expect(looksLikeText(bytes)).toBe(text);
  });

  it('a UTF-8 byte order mark is not part of the text', () => {
    expect(utf8Text(Buffer.from('\ufeff{"kind":"entity"}'))).toBe('{"kind":"entity"}');
  });
});

describe('failures as one line and an exit code', () => {
  const sys = (fields: Record<string, unknown>) => Object.assign(new Error('raw'), fields);
  it.each([
    [new InvalidInput('--top: bad'), 1, '--top: bad'],
    [new NotFound('x.jsonl: no such file'), 1, 'x.jsonl: no such file'],
    [new StoreUnavailable('the store is locked'), 2, 'the store is locked'],
    [sys({ code: 'EADDRINUSE', syscall: 'listen', address: '0.0.0.0', port: 4000 }), 2, 'port 4000 (0.0.0.0:4000) is already in use by another process; choose another with --port or PORT'],
    [sys({ code: 'EACCES', syscall: 'listen', address: '0.0.0.0', port: 80 }), 2, 'port 80 (0.0.0.0:80) needs privileges this process lacks; choose a port above 1023 with --port or PORT'],
    [sys({ code: 'EACCES', syscall: 'open', path: '/srv/out' }), 1, '/srv/out: permission denied'],
    [sys({ code: 'EISDIR', syscall: 'read', path: '/srv' }), 1, '/srv: is a directory, expected a file'],
    [sys({ code: 'ENOSPC', syscall: 'write', path: '/srv/out/graph.json' }), 2, '/srv/out/graph.json: no space left on the device'],
  ])('%s → exit %i', (err, code, line) => {
    expect(describeFailure(err)).toMatchObject({ code, line });
  });

  it('an unexpected error is one line; its stack is kept apart', () => {
    const f = describeFailure(new TypeError('x is undefined\nsecond line'));
    expect(f).toMatchObject({ code: 2, line: 'internal error: x is undefined' });
    expect(f.stack).toContain('TypeError');
  });

  it('knows a broken pipe', () => {
    expect(isBrokenPipe(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).toBe(true);
    expect(isBrokenPipe(new Error('other'))).toBe(false);
  });
});

describe('the embedded store that does not open', () => {
  const grafeo = (text: string) => new Error(`Database error: GRAFEO-X001: Internal error: ${text}`);
  it.each([
    [grafeo('cannot open the migration lock file /d/chokepoint.grafeo.migrate.lock: Permission denied (os error 13)'), InvalidInput, /^DATA_DIR \/d: permission denied/],
    [Object.assign(new Error("EACCES: permission denied, mkdir '/d'"), { code: 'EACCES' }), InvalidInput, /^DATA_DIR \/d: permission denied/],
    [Object.assign(new Error("EEXIST: file already exists, mkdir '/d'"), { code: 'EEXIST' }), InvalidInput, /^DATA_DIR \/d: a file stands where the store's directory belongs/],
    [grafeo('cannot inspect /d/chokepoint.grafeo.migrating: Not a directory (os error 20)'), InvalidInput, /^DATA_DIR \/d: a file stands/],
    [grafeo('database file cannot be locked for reading: /d/chokepoint.grafeo'), StoreUnavailable, /^the embedded store \/d\/chokepoint\.grafeo is in use by another process/],
    [grafeo('something else'), StoreUnavailable, /^cannot open the embedded store \/d\/chokepoint\.grafeo: /],
  ])('%s', (err, kind, message) => {
    const mapped = embeddedOpenError(err, '/d', '/d/chokepoint.grafeo');
    expect(mapped).toBeInstanceOf(kind);
    expect(mapped.message).toMatch(message);
  });
});

describe('JSON for a terminal', () => {
  it('escapes C1 control characters and parses back to the same value', () => {
    const value = { name: 'x\u009b31my\u007f', quote: 'tab\tand\u001b[0m' };
    const line = jsonLine(value);
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(JSON.parse(line)).toEqual(value);
    expect(escapeC1('"\u0085"')).toBe('"\\u0085"');
  });
});
