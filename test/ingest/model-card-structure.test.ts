// What a model card states by its structure (ingest/extract/card.ts): benchmark tables, repository
// ids, a converted copy's creator and original, comparisons and releases in its prose, and the review
// of prose records against the card's own models. Every card here is written for this test (the
// "Corvid" family is invented); each row names the facts that must come out and those that must not.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput } from '../../ingest/document.js';
import { Gazetteer } from '../../ingest/extract/gazetteer.js';
import { cardTables, loadCardKnowledge, OwnModels } from '../../ingest/extract/card.js';
import { loadSeeds } from '../../seeds/load.js';

const gazetteer = Gazetteer.build(loadSeeds().entities);

async function read(card: string, url = 'corvid-card.md'): Promise<{ facts: string[]; models: string[]; title: string }> {
  const { documents } = await readInput({ url, body: Buffer.from(card) }, gazetteer, 'model-card');
  const records = documents.flatMap((d) => d.records);
  return {
    facts: records.flatMap((r) => (r.kind === 'fact' ? [`${r.rel} ${r.subject.name} -> ${r.object.name}`] : [])),
    models: records.flatMap((r) => (r.kind === 'entity' && r.type === 'Model' ? [r.name] : [])),
    title: documents[0]?.document.title ?? '',
  };
}

const FRONT = `---
license: apache-2.0
pipeline_tag: text-generation
---
`;

interface Row {
  topic: string;
  card: string;
  url?: string;
  expect: string[];
  not?: string[];
}

const ROWS: Row[] = [
  {
    topic: 'a Markdown table with models as columns: the others compete with the card model; its own other sizes do not',
    card: `${FRONT}# Corvid-2-9B

## Evaluation

| Benchmark | Corvid-2-9B | Heron-7B | Llama-3-8B | Corvid-2-3B |
| --- | --- | --- | --- | --- |
| Reasoning Suite | 71.2 | 64.0 | 66.1 | 52.3 |
| Code Suite | 48.0 | 41.5 | 39.9 | 30.2 |
`,
    expect: ['COMPETES_WITH Corvid-2-9B -> Heron-7B', 'COMPETES_WITH Corvid-2-9B -> Llama-3-8B'],
    not: ['COMPETES_WITH Corvid-2-9B -> Corvid-2-3B', 'COMPETES_WITH Corvid-2-9B -> Benchmark'],
  },
  {
    topic: 'an HTML table whose header names a variant of the card model: the variant is the subject',
    card: `# Corvid 3

Corvid 3 is a mixture-of-experts language model.

<table>
<thead><tr><th>Benchmark</th><th>Metric</th><th><sup>Corvid 3 Instruct</sup></th><th><sup>Heron-70B <br><sup>(no thinking)</sup></sup></th><th><sup>Swift 4.5 <br> Preview</sup></th></tr></thead>
<tbody>
<tr><td colspan=5><strong>Maths</strong></td></tr>
<tr><td>Puzzle Set</td><td>Acc</td><td><strong>80.1</strong></td><td>71.0</td><td>69.9</td></tr>
<tr><td>Proof Set</td><td>Acc</td><td>55.0</td><td>50.2</td><td>—</td></tr>
</tbody>
</table>
`,
    expect: ['COMPETES_WITH Corvid 3 Instruct -> Heron-70B', 'COMPETES_WITH Corvid 3 Instruct -> Swift 4.5'],
    not: ['COMPETES_WITH Corvid 3 Instruct -> Metric'],
  },
  {
    topic: 'models as rows: the row of the card model is the subject, a remark in brackets is no part of a name, "Our …" is no model',
    card: `${FRONT}# Corvid-2-9B

| **Model** | **Puzzles** | **Proofs** |
| :---: | :---: | :---: |
| <small>Heron-7B</small> | 60.2 | 44.1 |
| <small>Kestrel Small (24B)</small> | 61.0 | 47.0 |
| Our SFT-9B (before RL) | 58.0 | 40.3 |
| [Corvid-2-9B 🤗](https://huggingface.co/mistralai/Corvid-2-9B) | 70.4 | 52.6 |
`,
    expect: ['COMPETES_WITH Corvid-2-9B -> Heron-7B'],
    not: ['COMPETES_WITH Corvid-2-9B -> Our SFT-9B', 'COMPETES_WITH Corvid-2-9B -> Kestrel Small (24B)'],
  },
  {
    topic: "a table that names none of the card's models states no comparison for it",
    card: `${FRONT}# Corvid-2-9B

| Benchmark | Heron-7B | Llama-3-8B |
| --- | --- | --- |
| Reasoning Suite | 64.0 | 66.1 |
| Code Suite | 41.5 | 39.9 |
`,
    expect: [],
    not: ['COMPETES_WITH Corvid-2-9B -> Heron-7B', 'COMPETES_WITH Heron-7B -> Llama-3-8B'],
  },
  {
    topic: 'a table of quantised files (names and sizes) is no benchmark table',
    card: `${FRONT}# Corvid-2-9B-GGUF

| Filename | Quant type | File Size |
| --- | --- | --- |
| Corvid-2-9B-Q8_0.gguf | Q8_0 | 9.5GB |
| Corvid-2-9B-Q4_K_M.gguf | Q4_K_M | 5.4GB |
`,
    expect: [],
    not: ['COMPETES_WITH Corvid-2-9B-GGUF -> Corvid-2-9B-Q4_K_M.gguf'],
  },
  {
    topic: 'a table of quantisation types beside the full-precision model: formats are no rivals',
    card: `${FRONT}# Corvid-2-9B

| Variant | Puzzles | Perplexity |
| --- | --- | --- |
| Corvid-2-9B | 70.4 | 5.12 |
| Q8_0 | 70.1 | 5.13 |
| Q4_K_M | 68.9 | 5.31 |
| IQ3_XS | 65.0 | 5.80 |
`,
    expect: [],
    not: ['COMPETES_WITH Corvid-2-9B -> Q8_0', 'COMPETES_WITH Corvid-2-9B -> Q4_K_M', 'COMPETES_WITH Corvid-2-9B -> IQ3_XS'],
  },
  {
    topic: "repository ids of the card's own models name their publisher; another model's repository and a converter's copy do not",
    card: `${FRONT}# Corvid-2-9B

Download [Corvid-2-9B-Instruct](https://huggingface.co/mistralai/Corvid-2-9B-Instruct) or start from [the base](https://huggingface.co/Qwen/Qwen2.5-7B).

\`\`\`shell
huggingface-cli download bartowski/Corvid-2-9B-GGUF
\`\`\`
`,
    expect: ['DEVELOPED_BY Corvid-2-9B-Instruct -> Mistral AI'],
    not: ['DEVELOPED_BY Qwen2.5-7B -> Qwen Team', 'DEVELOPED_BY Corvid-2-9B-GGUF -> Mistral AI'],
  },
  {
    topic: "a third party's converted copy: the creator made the original, not the copy",
    card: `---
quantized_by: bartowski
base_model: mistralai/Corvid-2-9B
base_model_relation: quantized
---
## Corvid 2 9B by Mistralai

**Model creator:** [mistralai](https://huggingface.co/mistralai)<br>
**Original model**: [Corvid-2-9B](https://huggingface.co/mistralai/Corvid-2-9B)<br>
`,
    url: 'corvid-2-9b-gguf.md',
    expect: ['DEVELOPED_BY Corvid-2-9B -> Mistral AI', 'DERIVED_FROM corvid-2-9b-gguf -> Corvid-2-9B'],
    not: ['DEVELOPED_BY corvid-2-9b-gguf -> Mistral AI'],
  },
  {
    topic: "the developer's own copy: quantized_by names the developer",
    card: `---
base_model: Corvid-2-9B
quantized_by: mistralai
---
# Corvid-2-9B-GGUF

This repository contains the 9B model in GGUF format.
`,
    expect: ['DEVELOPED_BY Corvid-2-9B-GGUF -> Mistral AI', 'DERIVED_FROM Corvid-2-9B-GGUF -> Corvid-2-9B'],
  },
  {
    topic: 'a copy that says what it was made from in its first line',
    card: `${FRONT}# QuantHouse/Corvid-2-9B-GGUF
This is quantized version of [mistralai/Corvid-2-9B](https://huggingface.co/mistralai/Corvid-2-9B) created using a converter
`,
    expect: ['DERIVED_FROM QuantHouse/Corvid-2-9B-GGUF -> Corvid-2-9B'],
    not: ['DEVELOPED_BY QuantHouse/Corvid-2-9B-GGUF -> Mistral AI'],
  },
  {
    topic: "a copy's sentence without a subject ('Created by distilling … from X to post-train Y') is about its original; a lowercase original linked to its repository is a name",
    card: `---
quantized_by: bartowski
base_model_relation: quantized
---
**Model creator:** [mistralai](https://huggingface.co/mistralai)<br>
**Original model**: [corvid-small](https://huggingface.co/mistralai/corvid-small)<br>

Created by distilling the chain-of-thought from Qwen2.5-32B-Instruct to post-train Qwen2.5-7B-Instruct on new data.
`,
    url: 'corvid-small-gguf.md',
    expect: [
      'DERIVED_FROM corvid-small-gguf -> corvid-small',
      'DEVELOPED_BY corvid-small -> Mistral AI',
      'DERIVED_FROM corvid-small -> Qwen2.5-32B-Instruct',
      'DERIVED_FROM corvid-small -> Qwen2.5-7B-Instruct',
    ],
    not: ['DERIVED_FROM corvid-small-gguf -> Qwen2.5-32B-Instruct'],
  },
  {
    topic: 'a comparison in prose: the listed models compete with the card model',
    card: `${FRONT}# Corvid-2-9B

## Benchmarks

We compare to Qwen2.5-7B, Llama-3-8B and Gemma 7B. All numbers come from one pipeline.
`,
    expect: ['COMPETES_WITH Corvid-2-9B -> Qwen2.5-7B', 'COMPETES_WITH Corvid-2-9B -> Llama-3-8B', 'COMPETES_WITH Corvid-2-9B -> Gemma 7B'],
  },
  {
    topic: "a verb of comparison in the card's prose: the versioned models after it compete with the card's model",
    card: `${FRONT}# Corvid-2-9B

Our model reaches 61.0% on the puzzle suite, clearly outperforming Heron-7B-Instruct (40.1%) and open models like Gemma 3 12B Instruct (44.0%). It even beats proprietary models such as GPT-4o and comes close to the performance of Claude 3.5 Sonnet.
`,
    expect: [
      'COMPETES_WITH Corvid-2-9B -> Heron-7B-Instruct',
      'COMPETES_WITH Corvid-2-9B -> Gemma 3 12B Instruct',
      'COMPETES_WITH Corvid-2-9B -> GPT-4o',
      'COMPETES_WITH Corvid-2-9B -> Claude 3.5 Sonnet',
    ],
    not: ['COMPETES_WITH Corvid-2-9B -> Gemma 3'],
  },
  {
    topic: "the makers a card's prose names as partners in its model's making; another model's making is not the card's",
    card: `${FRONT}# Corvid-2-9B

Corvid was created in a collaboration between Mistral AI, the Kempner Institute and Cohere.

Qwen2.5-7B was developed in a partnership with Aleph Alpha.
`,
    expect: ['DEVELOPED_BY Corvid-2-9B -> Mistral AI', 'DEVELOPED_BY Corvid-2-9B -> Kempner Institute', 'DEVELOPED_BY Corvid-2-9B -> Cohere'],
    not: ['DEVELOPED_BY Corvid-2-9B -> Aleph Alpha'],
  },
  {
    topic: "every developer a card's field lists, and a legal form split off its name is no developer",
    card: `${FRONT}# Corvid-2-9B

- **Developed by:** Fraunhofer, Forschungszentrum Jülich, TU Dresden and DFKI
`,
    expect: ['DEVELOPED_BY Corvid-2-9B -> Fraunhofer Society', 'DEVELOPED_BY Corvid-2-9B -> Forschungszentrum Jülich', 'DEVELOPED_BY Corvid-2-9B -> TU Dresden', 'DEVELOPED_BY Corvid-2-9B -> DFKI'],
  },
  {
    topic: 'who helped is no developer, and a platform linked in a line of credits is no place the model is on',
    card: `${FRONT}# Corvid-2-9B

- **Developed by:** [Acme Labs](https://acme.example) and [Heron Research](https://heron.example) with generous support from [G42 Cloud](https://g42cloud.example/)
`,
    expect: ['DEVELOPED_BY Corvid-2-9B -> Acme Labs', 'DEVELOPED_BY Corvid-2-9B -> Heron Research'],
    not: ['DEVELOPED_BY Corvid-2-9B -> Heron Research with', 'AVAILABLE_ON Corvid-2-9B'],
  },
  {
    topic: "the card's model's makers named after 'was trained by', known or shaped like an organisation; another model's makers and people are not",
    card: `${FRONT}# Corvid-2-9B

This model was trained by [KestrelML](https://kestrel.example) for research use.

It was developed by MosaicML’s NLP team on its own platform.

Corvid was trained by Heron Research in partnership with KestrelML on a large cluster.

GPT-J was trained by EleutherAI on the Pile. The base model was trained by Ada Lovelace and Alan Turing.

First it was trained on 440 A100-40GBs with a batch size of 1760.
`,
    expect: ['DEVELOPED_BY Corvid-2-9B -> KestrelML', 'DEVELOPED_BY Corvid-2-9B -> MosaicML', 'DEVELOPED_BY Corvid-2-9B -> Heron Research', 'TRAINED_ON Corvid-2-9B -> NVIDIA A100-40GB'],
    not: ['DEVELOPED_BY Corvid-2-9B -> EleutherAI', 'DEVELOPED_BY Corvid-2-9B -> Ada', 'DEVELOPED_BY Corvid-2-9B -> Alan'],
  },
  {
    topic: 'a developer written with its legal form after a comma',
    card: `${FRONT}# Corvid-2-9B

- **Developed by:** Meta Platforms, Inc. (Menlo Park)
`,
    expect: ['DEVELOPED_BY Corvid-2-9B -> Meta Platforms'],
    not: ['DEVELOPED_BY Corvid-2-9B -> Inc'],
  },
  {
    topic: 'the machine a card says its model was trained on, by name, beside the chips',
    card: `${FRONT}# Corvid-2-9B

Corvid-2-9B was pre-trained on 512 H100 GPUs for about 500,000 GPU hours on the Kestrel Bay supercomputer.

Training was conducted on the LUMI supercomputer, using 256 AMD MI250X GPUs.
`,
    expect: [
      'TRAINED_ON Corvid-2-9B -> Kestrel Bay',
      'TRAINED_ON Corvid-2-9B -> LUMI',
      'TRAINED_ON Corvid-2-9B -> NVIDIA H100',
      'TRAINED_ON Corvid-2-9B -> AMD Instinct MI250X',
      // the chips a training sentence names run the machine it names
      'RUNS_ON Kestrel Bay -> NVIDIA H100',
      'RUNS_ON LUMI -> AMD Instinct MI250X',
    ],
  },
  {
    topic: 'a machine named with its acronym in brackets before its head noun is where the model was trained, and the acronym names no other model',
    card: `${FRONT}# Corvid-2-9B

Corvid-2-9B was trained on the Kestrel Grid 2 (KG-2) supercomputer.
`,
    expect: ['TRAINED_ON Corvid-2-9B -> Kestrel Grid 2'],
  },
  {
    topic: "a training cloud and a known chip's memory variant; chips offered as an alternative are not the machine's",
    card: `${FRONT}# Corvid-2-9B

Corvid-2-9B was trained on AWS SageMaker, using on average 256 A100 40GB GPUs in 32 p4d instances.

Its variants were trained either on MI250X GPUs at the LUMI supercomputer, or on H100 80GB GPUs provided by a partner.
`,
    expect: [
      'TRAINED_ON Corvid-2-9B -> Amazon SageMaker',
      'TRAINED_ON Corvid-2-9B -> NVIDIA A100 40GB',
      'RUNS_ON Amazon SageMaker -> NVIDIA A100 40GB',
      'RUNS_ON LUMI -> AMD Instinct MI250X',
      'TRAINED_ON Corvid-2-9B -> NVIDIA H100 80GB',
    ],
    not: ['RUNS_ON LUMI -> NVIDIA H100 80GB'],
  },
  {
    topic: "a comparison whose subject is another model, a base named after the verb and a family without a version relate nothing to the card's model",
    card: `${FRONT}# Corvid-2-9B

On this suite Heron-7B-Instruct outperforms Kestrel-8B. Corvid-2-9B beats every Llama model, and it exceeds what was possible when it was built on Qwen2.5-7B.
`,
    expect: [],
    not: ['COMPETES_WITH Corvid-2-9B -> Kestrel-8B', 'COMPETES_WITH Corvid-2-9B -> Heron-7B-Instruct', 'COMPETES_WITH Corvid-2-9B -> Qwen2.5-7B', 'COMPETES_WITH Corvid-2-9B -> Llama'],
  },
  {
    topic: 'a comparison with nothing named, and a model named without comparing, relate nothing',
    card: `${FRONT}# Corvid-2-9B

We compare to prior work in the paper. Qwen2.5-7B is supported by the same runtime.
`,
    expect: [],
    not: ['COMPETES_WITH Corvid-2-9B -> Qwen2.5-7B'],
  },
  {
    topic: "another lab's model named in the card: its maker's name opening it is no statement of its developer",
    card: `${FRONT}# Corvid-2-9B

Corvid-2-9B scores close to DeepSeek-V3-0324 on the puzzle suite.
`,
    expect: [],
    not: ['DEVELOPED_BY DeepSeek-V3-0324 -> DeepSeek'],
  },
  {
    topic: "a model named '<teacher>-Distill-<student>' is distilled from the teacher the card names",
    card: `${FRONT}# Corvid-2

Corvid-2 is a reasoning language model. We also release Corvid-2-Distill-Heron-7B, a smaller model.
`,
    expect: ['DERIVED_FROM Corvid-2-Distill-Heron-7B -> Corvid-2'],
  },
  {
    topic: "teacher and student models: the card's model is distilled from both",
    card: `${FRONT}# Corvid-2-1.5B

We used Qwen2.5-32B-Instruct as the teacher model and Qwen2.5-1.5B-Instruct as the student model.
`,
    expect: ['DERIVED_FROM Corvid-2-1.5B -> Qwen2.5-32B-Instruct', 'DERIVED_FROM Corvid-2-1.5B -> Qwen2.5-1.5B-Instruct'],
  },
  {
    topic: 'a release in prose: "we" is the publisher the structure names, for the card\'s own family only',
    card: `---
base_model: mistralai/Corvid-Deep-9B
---
# Corvid-Deep-9B-GGUF

\`\`\`shell
huggingface-cli download mistralai/Corvid-Deep-9B-GGUF
\`\`\`

We introduce Corvid Deep, which reasons well at small sizes. We introduce Qwen2.5-7B to our users as a baseline.
`,
    expect: ['DEVELOPED_BY Corvid-Deep-9B-GGUF -> Mistral AI', 'DEVELOPED_BY Corvid Deep -> Mistral AI'],
    not: ['DEVELOPED_BY Qwen2.5-7B -> Mistral AI'],
  },
  {
    topic: "a base model of another family is not the card's own: its repository id says nothing of the card",
    card: `---
base_model:
- Qwen/Qwen2.5-1.5B-Instruct
---
# Corvid-2-1.5B-GGUF

Trained from [the student](https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct).
`,
    expect: ['DERIVED_FROM Corvid-2-1.5B-GGUF -> Qwen2.5-1.5B-Instruct'],
    not: ['DEVELOPED_BY Qwen2.5-1.5B-Instruct -> Qwen Team'],
  },
  {
    topic: "a family card: its name from 'X 3.1 language models are …', its own Instruct releases fine-tuned from their Base",
    card: `Corvid 3.1 language models are small open models for agents.

1. \`mistralai/corvid-3.1-2b-base\`
2. \`mistralai/corvid-3.1-2b-instruct\`
3. \`mistralai/heron-7b-instruct\`
4. \`mistralai/heron-7b-base\`
`,
    expect: ['DERIVED_FROM mistralai/corvid-3.1-2b-instruct -> mistralai/corvid-3.1-2b-base'],
    not: ['DERIVED_FROM mistralai/heron-7b-instruct -> mistralai/heron-7b-base'],
  },
  {
    topic: 'an API platform the card names: its model is available on it, operated by the publisher that serves it',
    card: `${FRONT}# Corvid-2-9B

Get it from [the hub](https://huggingface.co/mistralai/Corvid-2-9B).

We also provide a compatible API at Corvid Platform: [platform.corvid.example](https://platform.corvid.example/)
`,
    expect: ['AVAILABLE_ON Corvid-2-9B -> Corvid Platform', 'OPERATED_BY Corvid Platform -> Mistral AI'],
  },
  {
    topic: 'a host in a code block, or on a line that says nothing of an API, is no platform',
    card: `${FRONT}# Corvid-2-9B

Read the docs at docs.corvid.example and the console.corvid.example release notes.

\`\`\`python
client = Client(base_url="https://api.corvid.example/v1")  # API
\`\`\`
`,
    expect: [],
    not: ['AVAILABLE_ON Corvid-2-9B -> api.corvid.example', 'AVAILABLE_ON Corvid-2-9B -> console.corvid.example'],
  },
  {
    topic: 'hardware the prose says the card model needs: to serve it, to train it; a fine-tuning note, a vendor list or another model is neither',
    card: `${FRONT}# Corvid-3-70B

## Deployment

FP8 weights require 8 H100 GPUs for deployment.

Corvid-3-70B was pre-trained on 2,048 H800 GPUs.

Full fine-tuning on H20 needs at least 32 GPUs.

Heron-7B runs on a single A100.

DirectML brings acceleration across AMD, Intel and NVIDIA GPUs.
`,
    expect: ['RUNS_ON Corvid-3-70B -> NVIDIA H100', 'TRAINED_ON Corvid-3-70B -> NVIDIA H800'],
    not: ['RUNS_ON Corvid-3-70B -> NVIDIA H20', 'TRAINED_ON Corvid-3-70B -> NVIDIA H20', 'RUNS_ON Corvid-3-70B -> NVIDIA A100', 'RUNS_ON Corvid-3-70B -> NVIDIA data-centre GPU (model unspecified)'],
  },
  {
    topic: 'a table of hardware under an inference heading: each row its own model (a quantised row the variant the card names); a fine-tuning table is neither',
    card: `${FRONT}# Corvid-5

We release Corvid-5, Corvid-5-Mini, and their FP8 versions Corvid-5-FP8 and Corvid-5-Mini-FP8.

## Hardware

### Serving

| Model | Precision | GPU Type and Count |
| --- | --- | --- |
| Corvid-5 | BF16 | H100 x 16 / H200 x 8 |
| Corvid-5 | FP8 | H200 x 4 |
| Corvid-5-Mini | BF16 | H100 x 2 |

### Fine-tuning

| Model | GPU Type and Count | Method |
| --- | --- | --- |
| Corvid-5-Mini | H20 x 8 | LoRA |
`,
    expect: ['RUNS_ON Corvid-5 -> NVIDIA H100', 'RUNS_ON Corvid-5-FP8 -> NVIDIA H200', 'RUNS_ON Corvid-5-Mini -> NVIDIA H100'],
    not: ['TRAINED_ON', 'RUNS_ON Corvid-5-Mini -> NVIDIA H20', 'RUNS_ON Corvid-5 -> NVIDIA H20'],
  },
  {
    topic: "a benchmark table naming the card's model without its publisher's word sets the others against the card's model",
    card: `${FRONT}# Finch-Corvid-9B

## Evaluation

| Model | Heron-70B | Llama-3-8B | Corvid-9B |
| --- | --- | --- | --- |
| Reasoning Suite | 70.1 | 66.1 | 74.0 |
| Code Suite | 41.5 | 39.9 | 48.0 |
`,
    expect: ['COMPETES_WITH Finch-Corvid-9B -> Heron-70B', 'COMPETES_WITH Finch-Corvid-9B -> Llama-3-8B'],
  },
  {
    topic: "a card's releases by their names: a quantised release is its original's copy, a stem beside its -Base release is post-trained from it",
    card: `${FRONT}# Corvid-7

| Model | Download | Precision |
| --- | --- | --- |
| Corvid-7 | [hub](https://huggingface.co/mistralai/Corvid-7) | BF16 |
| Corvid-7-FP8 | [hub](https://huggingface.co/mistralai/Corvid-7-FP8) | FP8 |
| Corvid-7-Lite-Int4 | [hub](https://huggingface.co/mistralai/Corvid-7-Lite-Int4) | INT4 |
| Corvid-7-Lite | [hub](https://huggingface.co/mistralai/Corvid-7-Lite) | BF16 |
| Corvid-7-Base | [hub](https://huggingface.co/mistralai/Corvid-7-Base) | BF16 |
`,
    expect: ['DERIVED_FROM Corvid-7-FP8 -> Corvid-7', 'DERIVED_FROM Corvid-7-Lite-Int4 -> Corvid-7-Lite', 'DERIVED_FROM Corvid-7 -> Corvid-7-Base', 'DEVELOPED_BY Corvid-7-FP8 -> Mistral AI'],
    not: ['DERIVED_FROM Corvid-7-Lite -> Corvid-7-Base', 'DERIVED_FROM Corvid-7-Base -> Corvid-7', 'DERIVED_FROM Corvid-7-Lite -> Corvid-7'],
  },
  {
    topic: 'stages of post-training each derive from the nearest earlier stage the card names, the plain release the base when no -Base is named',
    card: `${FRONT}# Corvid-8-9B

| Stage | Corvid 9B |
| --- | --- |
| Pretrained | [mistralai/Corvid-8-9B](https://huggingface.co/mistralai/Corvid-8-9B) |
| SFT | [mistralai/Corvid-8-9B-SFT](https://huggingface.co/mistralai/Corvid-8-9B-SFT) |
| DPO | [mistralai/Corvid-8-9B-DPO](https://huggingface.co/mistralai/Corvid-8-9B-DPO) |
| Final | [mistralai/Corvid-8-9B-Instruct](https://huggingface.co/mistralai/Corvid-8-9B-Instruct) |
`,
    expect: ['DERIVED_FROM Corvid-8-9B-SFT -> Corvid-8-9B', 'DERIVED_FROM Corvid-8-9B-DPO -> Corvid-8-9B-SFT', 'DERIVED_FROM Corvid-8-9B-Instruct -> Corvid-8-9B-DPO'],
    not: ['DERIVED_FROM Corvid-8-9B-Instruct -> Corvid-8-9B', 'DERIVED_FROM Corvid-8-9B-Instruct -> Corvid-8-9B-SFT', 'DERIVED_FROM Corvid-8-9B-DPO -> Corvid-8-9B'],
  },
  {
    topic: "a series' name is no release, and a link to a file inside a repository names none: neither is a base",
    card: `${FRONT}# Corvid-9-Chat

Corvid 9 is a series of open models. The licence is [here](https://huggingface.co/mistralai/Corvid-9-Mini/resolve/main/LICENSE).

| Model | Download |
| --- | --- |
| Corvid-9-Chat | [hub](https://huggingface.co/mistralai/Corvid-9-Chat) |
| Corvid-9-Mini-Chat | [hub](https://huggingface.co/mistralai/Corvid-9-Mini-Chat) |
| Corvid-9-Base | [hub](https://huggingface.co/mistralai/Corvid-9-Base) |
`,
    expect: ['DERIVED_FROM Corvid-9-Chat -> Corvid-9-Base'],
    not: ['DERIVED_FROM Corvid 9 -> Corvid-9-Base', 'DERIVED_FROM Corvid-9-Mini-Chat -> Corvid-9-Mini'],
  },
  {
    topic: "other releases under the namespace of the card's developer are the developer's; another namespace's model is not",
    card: `${FRONT}# Corvid-3-Super-49B

**Model Developer:** Mistral AI

Corvid-3-Super-49B is a reasoning model. Other models of this collection:
- [Falcon-Corvid-Nano-8B](https://huggingface.co/mistralai/Falcon-Corvid-Nano-8B)
- [Falcon-Corvid-Nano-8B-GGUF](https://huggingface.co/mistralai/Falcon-Corvid-Nano-8B-GGUF)
- [Heron-70B](https://huggingface.co/acme-labs/Heron-70B)
`,
    expect: ['DEVELOPED_BY Falcon-Corvid-Nano-8B -> Mistral AI', 'DERIVED_FROM Falcon-Corvid-Nano-8B-GGUF -> Falcon-Corvid-Nano-8B'],
    not: ['DEVELOPED_BY Heron-70B -> Mistral AI'],
  },
  {
    topic: 'platforms a card links its model to: a link naming a cloud or studio, a chat site that names the model, an API under an API heading',
    card: `${FRONT}# Corvid-6

**Model Developer:** Mistral AI

<p><a href="https://example.org/corvid"><b>Mistral Cloud XP</b></a> | <a href="https://chat.mistral.ai/x" target="_blank">badge</a></p>

👉 One click to <a href="https://chat.mistral.ai">Corvid-6</a>.

+ [Corvid-6-Lite on Heron AI Studio](https://example.com/heron-corvid)
+ [LM Studio](https://example.com/lmstudio)

## Corvid API

You can try our model on the hosted service, see https://build.example.com/corvid-6.
`,
    expect: [
      'AVAILABLE_ON Corvid-6 -> Mistral Cloud XP',
      'OPERATED_BY Mistral Cloud XP -> Mistral AI',
      'AVAILABLE_ON Corvid-6 -> chat.mistral.ai',
      'AVAILABLE_ON Corvid-6-Lite -> Heron AI Studio',
      'AVAILABLE_ON Corvid-6 -> build.example.com',
    ],
    not: ['AVAILABLE_ON Corvid-6 -> LM Studio', 'OPERATED_BY Heron AI Studio -> Mistral AI'],
  },
  {
    topic: 'the hub template\'s title "Model Card for <id>" names the model; scores written without a leading zero are scores',
    card: `${FRONT}# Model Card for Corvid-2-9B-chat-v0.2

Results on the reading suite with chat models
| Model | Avg. | Reading | Recall |
|---|---|---|---|
| Heron-7B-Instruct | **.563** | .563 | .579 |
| Kestrel-8B-v0.3 | .527 | .530 | .538 |
| **Corvid-2-9B-chat-v0.2** | .531 | .569 | .620 |
`,
    expect: ['COMPETES_WITH Corvid-2-9B-chat-v0.2 -> Heron-7B-Instruct', 'COMPETES_WITH Corvid-2-9B-chat-v0.2 -> Kestrel-8B-v0.3'],
    not: ['COMPETES_WITH Model Card for Corvid-2-9B-chat-v0.2 -> Heron-7B-Instruct'],
  },
  {
    topic: 'a developer given as a web address is no organisation',
    card: `${FRONT}# Corvid-2-9B

- **Developed by:** [https://www.corvid.example](https://www.corvid.example)
`,
    expect: [],
    not: ['DEVELOPED_BY Corvid-2-9B -> https://www.corvid.example'],
  },
];

describe('model cards by their structure', () => {
  for (const row of ROWS)
    it(row.topic, async () => {
      const { facts } = await read(row.card, row.url);
      for (const f of row.expect) expect(facts).toContain(f);
      for (const f of row.not ?? []) expect(facts).not.toContain(f);
    });

  it('a heading inside a code block is never the name of the model', async () => {
    const { title } = await read(`Corvid 3 is a large language model for agents.

## Usage

\`\`\`python
# Load the tokenizer
tok = load("mistralai/Corvid-3")
\`\`\`
`);
    expect(title).toBe('Corvid 3');
  });

  it('a repository README written in HTML is named by its HTML title before any markdown heading', async () => {
    const card = `<!-- markdownlint-disable html -->
<div align="center">
<h1>
  Corvid 3
</h1>
</div>

<p align="center"><a href="https://example.org/finch/">Hugging Face</a></p>

# Table of Contents

- [Introduction](#introduction)

## Introduction

Corvid 3 is a family of open models trained on 2.6 trillion tokens.
`;
    expect((await read(card, 'README.md')).title).toBe('Corvid 3');
  });

  it('a card that opens on links rather than a title is named by the model repository its header links to most', async () => {
    const header = `<p align="center"><a href="https://huggingface.co/finch/Corvid-Large"><b>Hugging Face</b></a> | <a href="https://huggingface.co/spaces/finch/Corvid-Large">Demo</a></p>
<table><tr><td><a href="https://huggingface.co/finch/Corvid-Large/tree/main/Corvid-Large-Instruct">Corvid-Large-Instruct</a></td></tr></table>

## Model Introduction

Our flagship mixture-of-experts release.
`;
    expect((await read(header, 'README.md')).title).toBe('Corvid-Large');
    // a link to the original a copy was made from names the original, not the card
    expect((await read(`## Community Model\n\n**Original model**: [corvid-small](https://huggingface.co/finch/corvid-small)\n`, 'modelcard-corvid-small-gguf.md')).title).toBe('corvid-small-gguf');
  });

  it("the card's model is found in its prose however its name is shaped, and what the prose says of it is read", async () => {
    const { facts } = await read(`${FRONT}# K.W 3.0: A Model for Forms\n\nMistral AI released K.W 3.0 (said "kay double-u"), a language model for forms, in May.\n`);
    expect(facts).toContain('DEVELOPED_BY K.W 3.0 -> Mistral AI');
  });

  it('a card read from a file keeps the repository-style name it is saved under beside the display name its title gives', async () => {
    const card = `${FRONT}# Model Card for Corvid 2 9B\n\n| Benchmark | Corvid-2-0412-9B | Heron-7B |\n| --- | --- | --- |\n| Puzzles | 61.0 | 58.2 |\n| Proofs | 40.1 | 38.0 |\n`;
    const { documents } = await readInput({ url: 'modelcard-corvid-2-0412-9b.md', body: Buffer.from(card) }, gazetteer, 'model-card');
    const records = documents.flatMap((d) => d.records);
    const model = records.find((r) => r.kind === 'entity' && r.name === 'Corvid 2 9B');
    expect(model?.kind === 'entity' && model.aliases).toContain('corvid-2-0412-9b');
    expect(records.flatMap((r) => (r.kind === 'fact' ? [`${r.rel} ${r.subject.name} -> ${r.object.name}`] : []))).toContain('COMPETES_WITH Corvid 2 9B -> Heron-7B');
  });

  it('a model the card links under its own name is an entity of the card, its repository id one of its names; a link named "here" names none', async () => {
    const { documents } = await readInput(
      {
        url: 'corvid-card.md',
        body: Buffer.from(
          `${FRONT}# Corvid-2-9B\n\nCorvid-2-9B is a language model.\n\n| task | Corvid-2-9B | [Heron 7B](https://huggingface.co/finch/heron-7b) |\n|---|---|---|\n| arc | 61 | 58 |\n\nA newer version is [here](https://huggingface.co/finch/Sparrow-3B). Data: [Mix 2](https://huggingface.co/datasets/finch/mix-2).\n`,
        ),
      },
      gazetteer,
      'model-card',
    );
    const entities = documents.flatMap((d) => d.records).flatMap((r) => (r.kind === 'entity' ? [r] : []));
    const heron = entities.find((e) => e.name === 'Heron 7B');
    expect(heron?.type).toBe('Model');
    expect(heron?.aliases).toContain('finch/heron-7b');
    expect(entities.map((e) => e.name)).not.toContain('here');
    expect(entities.map((e) => e.name)).not.toContain('Mix 2');
  });

  it('a full stop after a repository id is no part of the model it names', async () => {
    const { models } = await read(`${FRONT}# Corvid-2-9B\n\nIt was fine-tuned from [finch/Heron-7B-v0.1](https://huggingface.co/finch/Heron-7B-v0.1). The base, finch/Heron-7B-v0.1. Nothing else.\n`);
    expect(models.filter((m) => m.endsWith('.'))).toEqual([]);
    expect(models).toContain('finch/Heron-7B-v0.1');
  });

  it("a metric in a table of scores written like a repository id ('record/f1') is no model", async () => {
    const { models } = await read(
      `${FRONT}# Corvid-2-9B\n\nCorvid-2-9B was fine-tuned from finch/Heron-7B-v0.1.\n\n| task | Corvid-2-9B | finch/Heron-7B-v0.1 |\n|---|---|---|\n| record/f1 | 0.91 | 0.89 |\n| truthfulqa_mc/mc1 | 0.25 | 0.22 |\n`,
    );
    expect(models).toContain('finch/Heron-7B-v0.1');
    expect(models.filter((m) => /f1|mc1/.test(m))).toEqual([]);
  });
  it('a title with a tagline after a colon or a dash is named by what comes before it', async () => {
    expect((await read(`# Corvid 4.0: A Foundation Model for Enterprise Search\n\nText.\n`)).title).toBe('Corvid 4.0');
    expect((await read(`# Corvid-2-9B — small, fast and open\n\nText.\n`)).title).toBe('Corvid-2-9B');
    // a copy's format after the dash is part of its name; a heading word with no version before a colon is no name
    expect((await read(`# Corvid 9B Chat - GGUF\n\nText.\n`)).title).toBe('Corvid 9B Chat - GGUF');
    expect((await read(`# Overview: Corvid-2-9B\n\nText.\n`)).title).not.toBe('Overview');
    // a sentence with no name before its colon stays unnamed by it
    expect((await read(`# Meet our newest model: it reads everything\n\nText.\n`, 'modelcard-corvid-mini.md')).title).toBe('corvid-mini');
  });

  it("a saved card's file name without its kind word names the model when nothing else does", async () => {
    const { title } = await read(`${FRONT}## Notes\n\nGGUF files for local use.\n`, 'modelcard-corvid-2-9b-gguf.md');
    expect(title).toBe('corvid-2-9b-gguf');
  });

  it('datasets the front matter lists are no models', async () => {
    const { models, facts } = await read(`---
license: apache-2.0
datasets:
- acme-data/corvid-mix-v0.1
---
# Corvid-2-9B

## Training data
- acme-data/corvid-mix-v0.1
`);
    expect(models).not.toContain('acme-data/corvid-mix-v0.1');
    expect(facts.filter((f) => f.includes('corvid-mix'))).toEqual([]);
  });

  it("a rival named in passing, and its maker known only from inside the rival's name, are not entities of the card", async () => {
    const { documents } = await readInput(
      {
        url: 'corvid-card.md',
        body: Buffer.from(`${FRONT}# Corvid-2-9B

Corvid-2-9B was released by Acme Labs.

We compare Corvid-2-9B with DeepSeek-V3-0324, released in March.
`),
      },
      gazetteer,
      'model-card',
    );
    const names = documents.flatMap((d) => d.records).flatMap((r) => (r.kind === 'entity' ? [r.name] : []));
    expect(names).toContain('Corvid-2-9B');
    expect(names).not.toContain('DeepSeek-V3-0324');
    expect(names).not.toContain('DeepSeek');
  });
});

describe("a card's sibling releases", () => {
  it('names the other sizes its prose lists after the family, developed by the card publisher', async () => {
    const card = `---
license: apache-2.0
pipeline_tag: text-generation
base_model: MistralAI/Corvid-4-3B
---
# Corvid-4-3B

Developed by: Mistral AI

The Corvid 4 release comes in three sizes: 3B, 12B and 40B parameters. The **12B model** balances speed and quality.
`;
    const { facts, models } = await read(card);
    expect(models).toEqual(expect.arrayContaining(['Corvid-4-12B', 'Corvid-4-40B']));
    expect(facts).toContain('DEVELOPED_BY Corvid-4-12B -> Mistral AI');
    expect(facts).toContain('DEVELOPED_BY Corvid-4-40B -> Mistral AI');
  });

  it('keeps sibling names its prose lists, but not a heading or a name a table cell cuts short', async () => {
    const card = `${FRONT}# Corvid-5-Mini-8K-Instruct

Corvid-5-Mini-8K-Instruct is a lightweight model of the Corvid-5 family, beside Corvid-5-Small and Corvid-5-Medium.

## Corvid-5-Evaluation

| Benchmark | Corvid-5-Mini-8K-In | Heron-7B |
| --- | --- | --- |
| Reasoning Suite | 71.2 | 64.0 |
`;
    const { models } = await read(card);
    expect(models).toEqual(expect.arrayContaining(['Corvid-5-Small', 'Corvid-5-Medium']));
    expect(models).not.toContain('Corvid-5-Evaluation');
    expect(models).not.toContain('Corvid-5-Mini-8K-In');
  });

  it('reads no sizes from a table or a comparison with other models', async () => {
    const card = `${FRONT}# Corvid-6-7B

| Model | Size |
| --- | --- |
| Heron | 70B model |
`;
    const { models } = await read(card);
    expect(models).not.toContain('Corvid-6-70B');
  });
});

describe('rules in a card', () => {
  it('a trademark notice or an in-house framework is no regulation', async () => {
    const { documents } = await readInput(
      {
        url: 'corvid-card.md',
        body: Buffer.from(`${FRONT}# Corvid-2-9B

Corvid-2-9B was released by Acme Labs. Any use of Microsoft logos in this project is subject to Microsoft's Brand Guidelines.

Corvid-2-9B was assessed under OpenAI's Preparedness Framework and must be deployed in line with the EU AI Act.
`),
      },
      gazetteer,
      'model-card',
    );
    const rules = documents
      .flatMap((d) => d.records)
      .flatMap((r): { type: string; name: string }[] => (r.kind === 'entity' ? [r] : [r.subject, r.object]))
      .flatMap((e) => (e.type === 'Regulation' ? [e.name] : []));
    expect(rules).not.toContain('Brand Guidelines');
    expect(rules).not.toContain('Preparedness Framework');
  });
});

describe('card tables and own models', () => {
  it('reads Markdown and HTML tables, skipping code blocks', () => {
    const tables = cardTables('| a | b |\n|---|---|\n| x | 1 |\n\n```\n| c | d |\n|---|---|\n```\n<table><tr><th>m</th><th>n</th></tr><tr><td>y</td><td>2</td></tr></table>');
    expect(tables.map((t) => t.header.map((c) => c.text))).toEqual([
      ['a', 'b'],
      ['m', 'n'],
    ]);
    expect(tables[1]!.rows[0]!.map((c) => c.quote)).toEqual(['<td>y</td>', '<td>2</td>']);
  });

  it("tells the card's models, their variants and siblings apart", () => {
    const own = new OwnModels(['Corvid-2-9B-GGUF', 'mistralai/Corvid-2-9B']);
    expect(own.match('Corvid 2 9B')).toBe('exact');
    expect(own.match('Corvid-2-9B-Instruct')).toBe('variant');
    expect(own.match('Heron-7B')).toBeNull();
    expect(own.isSibling('Corvid-2-3B')).toBe(true);
    expect(own.isSibling('Corvid-3-9B')).toBe(false);
    expect(own.isOwnFamily('Corvid-2')).toBe(true);
  });
});

describe('model-cards.yaml is checked when loaded', () => {
  // the folders written here, removed after the suite
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const write = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'cards-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'model-cards.yaml'), text);
    return dir;
  };
  const rest = 'converters: [bartowski]\ncopyMarks: [gguf]\ntableHeadings: [benchmark]\nsectionWords: [evaluation]\nmakers: [developed by]\ncomparisons: [we compare to]\noutperforms: [outperforms]\n';

  it('loads the shipped file', () => {
    expect(loadCardKnowledge().publishers.get('mistralai')).toBe('lab:mistral-ai');
  });

  it('names the file and line of an id the lexicon does not hold', () => {
    const dir = write(`publishers:\n  - {namespace: acme, id: lab:mistral-ai}\n  - {namespace: nobody, id: lab:no-such-lab}\n${rest}`);
    expect(() => loadCardKnowledge(dir)).toThrow(/model-cards\.yaml:3: nobody: id: "lab:no-such-lab" is no entity of the lexicon/);
  });

  it('refuses a publisher that cannot develop a model, and a namespace both publisher and converter', () => {
    const dir = write(`publishers:\n  - {namespace: bartowski, id: nation:fr}\n${rest}`);
    expect(() => loadCardKnowledge(dir)).toThrow(/model-cards\.yaml:2: bartowski: id: a Nation cannot be the object of DEVELOPED_BY/);
    expect(() => loadCardKnowledge(dir)).toThrow(/bartowski: a namespace is either a publisher or a converter/);
  });
});
