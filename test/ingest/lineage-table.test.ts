// Lineage a model card states by its structure: a "Base Model" column and a "Finetuned from" line.
import { describe, expect, it } from 'vitest';
import { readInput } from '../../ingest/document.js';
import { Gazetteer } from '../../ingest/extract/gazetteer.js';
import { loadSeeds } from '../../seeds/load.js';

const CARD = `---
license: apache-2.0
pipeline_tag: text-generation
---
# Zephyr-Reason

## Model Details
- **Developed by:** [acme-labs](https://huggingface.co/acme-labs)<br>
- **Finetuned from model:** Orca-Base-9B

## Distilled models

| **Model** | **Base Model** | **Download** |
| :---: | :---: | :---: |
| Zephyr-Reason-Mini-3B | [Tiny-Base-3B](https://huggingface.co/acme/Tiny-Base-3B) | [link](https://huggingface.co/acme/Zephyr-Reason-Mini-3B) |
| Zephyr-Reason-Max-70B | [Grand-Base-70B](https://huggingface.co/acme/Grand-Base-70B) | [link](https://huggingface.co/acme/Zephyr-Reason-Max-70B) |

## Evaluation

| Benchmark | Zephyr-Reason | Other-Model-7B |
| --- | --- | --- |
| MATH | 91.0 | 80.2 |
`;

async function facts(): Promise<string[]> {
  const gazetteer = Gazetteer.build(loadSeeds().entities);
  const { documents } = await readInput({ url: 'zephyr-reason.md', body: Buffer.from(CARD) }, gazetteer, 'model-card');
  return documents.flatMap((d) => d.records).flatMap((r) => (r.kind === 'fact' ? [`${r.rel} ${r.subject.name} -> ${r.object.name}`] : []));
}

describe('model-card lineage by structure', () => {
  it('reads each row of a Base Model column and a "Finetuned from" line', async () => {
    const found = await facts();
    expect(found).toContain('DERIVED_FROM Zephyr-Reason-Mini-3B -> Tiny-Base-3B');
    expect(found).toContain('DERIVED_FROM Zephyr-Reason-Max-70B -> Grand-Base-70B');
    expect(found.some((f) => f.startsWith('DERIVED_FROM') && f.endsWith('-> Orca-Base-9B'))).toBe(true);
  });
  it('takes the developer without its link or markup, and reads no lineage from a benchmark table', async () => {
    const found = await facts();
    expect(found.some((f) => f.startsWith('DEVELOPED_BY') && f.endsWith('-> acme-labs'))).toBe(true);
    expect(found.filter((f) => f.includes('Other-Model-7B'))).toEqual([]);
  });
});
