import { describe, expect, it } from 'vitest';
import { facts, records } from './extract-helpers.js';
import type { FactOut } from '../../ingest/extract/extract.js';

// One row per rule (and per phrasing): the sentence, and facts that must (and must not) come out.
const TABLE: { rule: string; text: string; expect: string[]; not?: string[] }[] = [
  { rule: 'possessive', text: "Reuters reported that the NSA is using Anthropic's Mythos model.", expect: ['DEVELOPED_BY Claude Mythos -> Anthropic'] },
  { rule: 'possessive', text: "China's Supreme People's Court released a plan.", expect: ["HEADQUARTERED_IN Supreme People's Court -> China"] },
  { rule: 'possessive', text: "Nvidia's H20 is selling well.", expect: ['DESIGNED_BY NVIDIA H20 -> NVIDIA'] },
  { rule: 'developed-by', text: 'Alibaba released Qwen3.6-27B this week, a dense model.', expect: ['DEVELOPED_BY Qwen3.6-27B -> Alibaba Group'] },
  { rule: 'developed-by', text: 'Meta launched Llama 4 Maverick and Llama 4 Scout.', expect: ['DEVELOPED_BY Llama 4 Maverick -> Meta Platforms', 'DEVELOPED_BY Llama 4 Scout -> Meta Platforms'] },
  { rule: 'developed-by', text: 'Anthropic released Claude Opus 4.5 on Monday.', expect: ['DEVELOPED_BY Claude Opus 4.5 -> Anthropic'] },
  { rule: 'developed-by', text: 'GLM-5.1, developed by Zhipu AI, tops the benchmark.', expect: ['DEVELOPED_BY GLM-5.1 -> Zhipu AI'] },
  { rule: 'developed-by', text: 'Kimi K2 is an open-weight model from Moonshot AI.', expect: ['DEVELOPED_BY Kimi K2 -> Moonshot AI'] },
  { rule: 'headquartered-in', text: 'Chinese infrastructure vendor H3C expanded its regional presence.', expect: ['HEADQUARTERED_IN H3C -> China'] },
  { rule: 'headquartered-in', text: 'Mistral AI is headquartered in France.', expect: ['HEADQUARTERED_IN Mistral AI -> France'] },
  { rule: 'headquartered-in', text: 'The UAE-based lab G42 signed a deal.', expect: ['HEADQUARTERED_IN G42 -> United Arab Emirates'] },
  {
    rule: 'headquartered-in',
    text: 'Regulators worry about AWS or Azure instances ultimately governed by U.S. law.',
    expect: ['HEADQUARTERED_IN Amazon Web Services -> United States', 'HEADQUARTERED_IN Microsoft Azure -> United States'],
  },
  {
    rule: 'headquartered-in',
    text: "Alibaba's Qwen, DeepSeek, and other Chinese open-weight releases matter.",
    expect: ['HEADQUARTERED_IN Alibaba Group -> China', 'HEADQUARTERED_IN DeepSeek -> China'],
  },
  { rule: 'headquartered-in', text: 'Chinese firms are copying American models.', expect: [], not: ['HEADQUARTERED_IN'] },
  { rule: 'trained-on', text: 'GLM-5 was trained on about 100,000 Huawei Ascend 910B chips.', expect: ['TRAINED_ON GLM-5 -> Huawei Ascend 910B'] },
  { rule: 'runs-on', text: 'DeepSeek-V3 runs on Huawei Ascend 910C chips.', expect: ['RUNS_ON DeepSeek-V3 -> Huawei Ascend 910C'] },
  { rule: 'runs-on', text: 'Qwen3-235B is available on Alibaba Cloud and Google Cloud.', expect: ['AVAILABLE_ON Qwen3-235B -> Alibaba Cloud', 'AVAILABLE_ON Qwen3-235B -> Google Cloud'] },
  { rule: 'runs-on', text: 'Claude is hosted on AWS.', expect: ['HOSTED_ON Claude -> Amazon Web Services'] },
  { rule: 'fabricated-by', text: 'The Huawei Ascend 910C is fabricated by SMIC.', expect: ['FABRICATED_BY Huawei Ascend 910C -> SMIC'] },
  { rule: 'fabricated-by', text: 'TSMC manufactures the NVIDIA H100.', expect: ['FABRICATED_BY NVIDIA H100 -> TSMC'] },
  { rule: 'member-of', text: 'France and Germany are founding members of the EU.', expect: ['MEMBER_OF France -> European Union', 'MEMBER_OF Germany -> European Union'] },
  {
    rule: 'invests-in',
    text: 'Anthropic took $5 billion from Amazon this week.',
    expect: ['INVESTS_IN Amazon -> Anthropic', 'PARTY_TO Amazon -> Amazon-Anthropic $5B investment', 'PARTY_TO Anthropic -> Amazon-Anthropic $5B investment'],
  },
  // an investment whose amount the sentence does not state is no deal of its own
  { rule: 'invests-in', text: 'Anthropic is backed by Amazon.', expect: ['INVESTS_IN Amazon -> Anthropic'], not: ['PARTY_TO'] },
  { rule: 'invests-in', text: 'Microsoft invested $10 billion in OpenAI.', expect: ['INVESTS_IN Microsoft -> OpenAI'] },
  {
    rule: 'cloud-commitment',
    text: 'Anthropic took $5 billion from Amazon and pledged $100 billion in AWS cloud spending.',
    expect: ['PARTY_TO Anthropic -> Anthropic $100B AWS cloud commitment', 'COVERS Anthropic $100B AWS cloud commitment -> Amazon Web Services'],
  },
  {
    rule: 'acquisition',
    text: 'Scale AI acquired ICG Solutions to build a defense stack.',
    expect: ['PARTY_TO Scale AI -> Scale AI-ICG Solutions acquisition', 'PARTY_TO ICG Solutions -> Scale AI-ICG Solutions acquisition'],
  },
  {
    rule: 'selection',
    text: 'The European Commission selected OVHcloud, DEEP, and Clever Cloud for its sovereign cloud framework.',
    expect: ['PARTY_TO European Commission -> European Commission sovereign cloud framework', 'COVERS European Commission sovereign cloud framework -> DEEP'],
  },
  {
    rule: 'selection',
    text: 'The European Commission moved. Its selection of OVHcloud and Clever Cloud for the sovereign cloud framework matters.',
    expect: ['COVERS European Commission sovereign cloud framework -> OVHcloud'],
  },
  {
    rule: 'partnership',
    text: 'OpenAI, Google, and Anthropic have formed a strategic alliance to block copying.',
    expect: ['PARTNERS_WITH OpenAI -> Google', 'PARTNERS_WITH OpenAI -> Anthropic', 'PARTNERS_WITH Google -> Anthropic'],
  },
  { rule: 'partnership', text: 'G42 partnered with Microsoft on cloud.', expect: ['PARTNERS_WITH G42 -> Microsoft'] },
  {
    rule: 'programme',
    text: "DBS Bank and Singapore's government agencies announced an enhanced GenAI programme.",
    expect: ['PARTY_TO DBS Bank -> DBS Bank-Singapore enhanced GenAI programme', 'PARTY_TO Singapore -> DBS Bank-Singapore enhanced GenAI programme'],
  },
  {
    rule: 'enacted-by',
    text: 'The Bureau of Industry and Security (BIS) has already tightened controls on high-finish GPU exports to China.',
    expect: ['ENACTED_BY controls on high-finish GPU exports to China -> Bureau of Industry and Security', 'APPLIES_TO controls on high-finish GPU exports to China -> China'],
  },
  {
    rule: 'enacted-by',
    text: 'On April 24, the White House Office of Science and Technology Policy issued a memo through Michael Kratsios.',
    expect: ['ENACTED_BY White House Office of Science and Technology Policy memo -> White House Office of Science and Technology Policy'],
  },
  {
    rule: 'uses-model',
    text: "Reuters reported that the NSA is using Anthropic's Mythos model.",
    expect: ['USES_MODEL NSA use of Mythos -> Claude Mythos', 'OPERATED_BY NSA use of Mythos -> National Security Agency'],
  },
  { rule: 'substitutes', text: 'The Huawei Ascend 910C is an alternative to the NVIDIA H20.', expect: ['SUBSTITUTES Huawei Ascend 910C -> NVIDIA H20'] },
  { rule: 'located-in', text: 'Cerebras is located in United States.', expect: ['LOCATED_IN Cerebras Systems -> United States'] },
  { rule: 'operated-by', text: 'Clever Cloud is operated by OVH Groupe.', expect: [] },
  { rule: 'invests-in', text: 'G42, which is backed by Microsoft, signed a deal.', expect: ['INVESTS_IN Microsoft -> G42'] },
  { rule: 'runs-on', text: 'The cluster for DeepSeek-V3 is powered by NVIDIA H800 GPUs.', expect: ['RUNS_ON DeepSeek-V3 -> NVIDIA H800'] },
  { rule: 'subsidiary-of', text: 'Google DeepMind is a subsidiary of Google.', expect: ['SUBSIDIARY_OF Google DeepMind -> Google'] },
  {
    rule: 'restriction',
    text: 'The US banned exports of Nvidia H20 chips to China.',
    expect: ['ENACTED_BY US export controls on AI chips -> United States', 'APPLIES_TO US export controls on AI chips -> NVIDIA H20', 'APPLIES_TO US export controls on AI chips -> China'],
  },
  {
    rule: 'deal-with',
    text: 'OpenAI signed a $300 billion deal with Oracle for computing power.',
    expect: ['PARTY_TO OpenAI -> OpenAI-Oracle $300B deal', 'PARTY_TO Oracle -> OpenAI-Oracle $300B deal'],
  },
  { rule: 'invests-in', text: 'Mistral AI raised €1.7 billion in a round led by ASML.', expect: ['INVESTS_IN ASML -> Mistral AI'] },
  { rule: 'developed-by', text: 'Zhipu AI, a Beijing-based startup, released GLM-4.5 under the MIT license.', expect: ['DEVELOPED_BY GLM-4.5 -> Zhipu AI'] },
  { rule: 'fabricated-by', text: "Huawei's Ascend 910C chips are manufactured by SMIC.", expect: ['FABRICATED_BY Huawei Ascend 910C -> SMIC'] },
  { rule: 'acquisition', text: 'SoftBank agreed to acquire Ampere Computing for $6.5 billion.', expect: ['PARTY_TO Ampere Computing -> SoftBank-Ampere Computing $6.5B acquisition'] },
  { rule: 'operated-by', text: 'Anthropic buys AWS capacity from Amazon.', expect: ['OPERATED_BY Amazon Web Services -> Amazon'] },
];

describe('relation rules', () => {
  for (const row of TABLE) {
    it(`${row.rule}: ${row.text}`, () => {
      const got = facts(row.text);
      for (const e of row.expect) expect(got).toContain(e);
      for (const n of row.not ?? []) expect(got.some((g) => g.startsWith(n))).toBe(false);
    });
  }

  it('quotes are exact substrings of the text', () => {
    const text = 'Intro line.\nThe European Commission selected OVHcloud, DEEP, and Clever Cloud for its sovereign cloud framework. More text.';
    const fs = records(text).filter((r): r is FactOut => r.kind === 'fact');
    expect(fs.length).toBeGreaterThan(0);
    for (const f of fs) expect(text.includes(f.quote!)).toBe(true);
  });

  it('USES_MODEL carries the schema-required via and the deployment its data classes', () => {
    const all = records("Reuters reported that the NSA is using Anthropic's Mythos model.");
    const uses = all.find((r): r is FactOut => r.kind === 'fact' && r.rel === 'USES_MODEL');
    expect(uses?.props.via).toBe('api');
    const dep = all.find((r) => r.kind === 'entity' && r.type === 'Deployment');
    expect(dep?.kind === 'entity' && dep.props.dataClasses).toEqual(['government']);
  });
});
