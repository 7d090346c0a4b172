// The committed resolver types must be what codegen.ts generates from the SDL today.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import config from '../../codegen.js';

describe('api/graphql/generated.ts', () => {
  it('is up to date with the SDL (run: npx graphql-codegen --config codegen.ts)', async () => {
    const outputs = (await generate({ ...config, cwd: process.cwd(), silent: true }, false)) as { filename: string; content: string }[];
    const mine = outputs.find((o) => o.filename.endsWith('api/graphql/generated.ts'))!;
    expect(mine.content).toBe(readFileSync('api/graphql/generated.ts', 'utf8'));
  });
});
