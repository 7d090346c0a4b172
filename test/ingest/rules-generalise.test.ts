import { describe, expect, it } from 'vitest';
import { entityNames, facts, mentionNames, records } from './extract-helpers.js';
import { Gazetteer } from '../../ingest/extract/gazetteer.js';
import { extract, type FactOut } from '../../ingest/extract/extract.js';
import { effectOf } from '../../ingest/extract/rules/applies-to.js';
import { loadSeeds } from '../../seeds/load.js';

// Phrasings found in unseen documents (surveys, model cards, rules). One row per phrasing: the
// sentence, facts that must come out, and facts (or fact prefixes) that must not.
const TABLE: { rule: string; text: string; expect: string[]; not?: string[] }[] = [
  // "its": the clause's actor after "said it", never a name in an aside or used as a modifier
  { rule: 'relate', text: 'Baidu said it would give former OpenAI users free tokens for its Ernie model.', expect: ['DEVELOPED_BY ERNIE -> Baidu'], not: ['DEVELOPED_BY ERNIE -> OpenAI'] },
  {
    rule: 'relate',
    text: 'Anthropic raised money. The startup, heavily backed by Amazon, is known for its Claude chatbot.',
    expect: ['DEVELOPED_BY Claude -> Anthropic'],
    not: ['DEVELOPED_BY Claude -> Amazon'],
  },
  // a cited source is no party to what it reports, for every rule
  {
    rule: 'partnership',
    text: 'According to TrendForce, Nvidia has signed a partnership with Deutsche Telekom.',
    expect: ['PARTNERS_WITH NVIDIA -> Deutsche Telekom'],
    not: ['PARTNERS_WITH TrendForce', 'PARTNERS_WITH NVIDIA -> TrendForce', 'PARTY_TO TrendForce'],
  },
  // partners, suppliers and owners named by their role
  {
    rule: 'partnership',
    text: "Microsoft's Chinese partner Alibaba Cloud will host the models.",
    expect: ['PARTNERS_WITH Microsoft -> Alibaba Cloud'],
    not: ['OPERATED_BY Alibaba Cloud -> Microsoft'],
  },
  { rule: 'partnership', text: "Anthropic's newest chip supplier is Google.", expect: ['PARTNERS_WITH Anthropic -> Google'] },
  { rule: 'partnership', text: 'Meta has also turned to CoreWeave for additional AI computing capacity.', expect: ['PARTNERS_WITH Meta Platforms -> CoreWeave'] },
  { rule: 'partnership', text: 'Meta turned to Google for advice on policy.', expect: [], not: ['PARTNERS_WITH'] },
  { rule: 'subsidiary-of', text: "Foxconn Industrial Internet, a unit of Taiwan's Foxconn, builds servers.", expect: ['SUBSIDIARY_OF Foxconn Industrial Internet -> Foxconn'] },
  { rule: 'headquartered-in', text: 'The Japanese unit of U.S. IT firm Oracle plans to invest.', expect: ['HEADQUARTERED_IN Oracle -> United States'] },
  { rule: 'headquartered-in', text: 'U.S. officials told Oracle to stop.', expect: [], not: ['HEADQUARTERED_IN'] },
  // a name ending one reading may open the next: the buyer before the demonym does not hide the startup after it
  { rule: 'headquartered-in', text: 'Intel bought Israeli startup Zorvex Labs in May.', expect: ['HEADQUARTERED_IN Zorvex Labs -> Israel'] },
  { rule: 'headquartered-in', text: 'Apple sued Korean maker Quillon Tech over patents.', expect: ['HEADQUARTERED_IN Quillon Tech -> South Korea'] },
  { rule: 'trained-on', text: "Anthropic trains Claude on Amazon's Trainium2 chips in Indiana.", expect: ['TRAINED_ON Claude -> AWS Trainium2'] },
  { rule: 'acquisition', text: 'AMD acquired server maker ZT Systems for $4.9 billion.', expect: ['PARTY_TO ZT Systems -> AMD-ZT Systems $4.9B acquisition'] },
  { rule: 'relate', text: 'SoftBank sold its entire stake in Nvidia last year.', expect: [], not: ['INVESTS_IN SoftBank'] },
  {
    rule: 'described-site',
    text: "The UAE's G42 will operate a 1GW cluster in Abu Dhabi built by OpenAI and Oracle.",
    expect: ['OPERATED_BY G42 Abu Dhabi cluster -> G42', 'LOCATED_IN G42 Abu Dhabi cluster -> United Arab Emirates'],
    not: ['OPERATED_BY G42 Abu Dhabi cluster -> OpenAI'],
  },
  { rule: 'regulated-parties', text: 'The European Commission fined Meta €200 million under the Digital Markets Act.', expect: ['APPLIES_TO Digital Markets Act -> Meta Platforms'] },
  { rule: 'regulated-parties', text: 'Google was fined €500 million for breaching the Digital Markets Act.', expect: ['APPLIES_TO Digital Markets Act -> Google'] },
  { rule: 'regulated-parties', text: 'Meta complied with the Digital Markets Act without a fine.', expect: [], not: ['APPLIES_TO Digital Markets Act -> Meta Platforms'] },
  { rule: 'relate', text: 'US lawmakers passed the GAIN AI Act.', expect: ['ENACTED_BY GAIN AI Act -> United States'], not: ['ENACTED_BY EU AI Act'] },
  { rule: 'enacted-by', text: 'EU lawmakers approved the AI Act in March 2024.', expect: [], not: ['ENACTED_BY EU AI Act -> United States'] },
  { rule: 'deal-with', text: 'The UK signed a memorandum of understanding with OpenAI.', expect: ['PARTY_TO OpenAI -> UK-OpenAI memorandum of understanding'], not: ['ENACTED_BY'] },
  { rule: 'uses-model', text: "Samsung will use Google's Gemini in its phones.", expect: ['USES_MODEL Samsung use of Gemini -> Gemini'] },
  { rule: 'relate', text: "SK hynix supplies HBM3E memory for Nvidia's H200.", expect: ['USES_MEMORY NVIDIA H200 -> HBM3E'] },
  { rule: 'fabricated-by', text: 'Huawei designs the Ascend 910B, which SMIC manufactures.', expect: ['FABRICATED_BY Huawei Ascend 910B -> SMIC'] },
  { rule: 'fabricated-by', text: "Samsung's foundry will produce Nvidia's H20 chips in Texas.", expect: ['FABRICATED_BY NVIDIA H20 -> Samsung Electronics'] },
  { rule: 'fabricated-by', text: "Samsung's customers will buy Nvidia's H20 chips.", expect: [], not: ['FABRICATED_BY'] },
  { rule: 'relate', text: "Microsoft's Borealis AI datacenter uses hundreds of thousands of GB200 GPUs.", expect: ['RUNS_ON Borealis -> NVIDIA GB200'] },
  { rule: 'relate', text: "CoreWeave will host Microsoft's GPUs at its Denton campus.", expect: ['OPERATED_BY Denton -> CoreWeave'], not: ['OPERATED_BY Denton -> Microsoft'] },
  // chips: a foundry's process, memory carried
  { rule: 'fabricated-by', text: "The MI355X accelerators are built on TSMC's N3P process.", expect: ['FABRICATED_BY AMD MI355X -> TSMC'] },
  { rule: 'fabricated-by', text: "AMD said the MI355X is manufactured on TSMC's 3nm node.", expect: ['FABRICATED_BY AMD MI355X -> TSMC'] },
  { rule: 'fabricated-by', text: "Nvidia's H20 competes with chips built on SMIC's 7nm process.", expect: [], not: ['FABRICATED_BY NVIDIA H20'] },
  { rule: 'relate', text: 'The new H200 carries up to 141GB of HBM3E memory.', expect: ['USES_MEMORY NVIDIA H200 -> HBM3E'] },
  { rule: 'relate', text: 'The B200 packs 192GB of HBM3E.', expect: ['USES_MEMORY NVIDIA B200 -> HBM3E'] },
  // investments and commitments
  {
    rule: 'invests-in',
    text: 'Microsoft has committed $10B to Japan, $15.2B to the UAE.',
    expect: ['PARTY_TO Microsoft -> Microsoft-Japan $10B investment', 'PARTY_TO Japan -> Microsoft-Japan $10B investment', 'PARTY_TO United Arab Emirates -> Microsoft-UAE $15.2B investment'],
    // a nation receives a deal, never an INVESTS_IN (the schema has no such endpoint)
    not: ['INVESTS_IN Microsoft -> Japan'],
  },
  // a sum written with a lower-case scale letter ("$300m", "$2bn") is a sum like any other
  { rule: 'invests-in', text: 'Amazon invested $300m in Mistral AI last year.', expect: ['PARTY_TO Amazon -> Amazon-Mistral AI $300M investment'] },
  // a product written without its maker, in a sentence that names the maker the lexicon gives it; another company is no maker of it
  { rule: 'relate', text: 'Analysts said the H200 still outsells every other Nvidia part.', expect: ['DESIGNED_BY NVIDIA H200 -> NVIDIA'] },
  { rule: 'relate', text: 'Analysts noted that the H20 and the H800 have sold out, Nvidia said.', expect: ['DESIGNED_BY NVIDIA H20 -> NVIDIA', 'DESIGNED_BY NVIDIA H800 -> NVIDIA'] },
  { rule: 'relate', text: 'AMD said the H200 sold well in China last quarter.', expect: [], not: ['DESIGNED_BY NVIDIA H200 -> AMD'] },
  // two companies set to build one thing together partner; two that each build things need not
  {
    rule: 'partnership',
    text: 'Oracle and G42, a fast-growing AI firm from the UAE, are set to construct a $2 billion data centre in Kenya.',
    expect: ['PARTNERS_WITH Oracle -> G42'],
  },
  // a partner named after what it is, with an adverb before the verb
  { rule: 'partnership', text: 'Oracle is also partnering with Japanese AI startup Sakana AI on sovereign models.', expect: ['PARTNERS_WITH Oracle -> Sakana AI'] },
  { rule: 'partnership', text: 'Nvidia and AMD will build chips for the Chinese market.', expect: [], not: ['PARTNERS_WITH'] },
  { rule: 'partnership', text: 'Nvidia and AMD might build a plant in Texas.', expect: [], not: ['PARTNERS_WITH'] },
  { rule: 'partnership', text: 'SK hynix has been supplying Nvidia with its HBM3E chips since March.', expect: ['PARTNERS_WITH SK hynix -> NVIDIA'] },
  { rule: 'subsidiary-of', text: "The Kirin chips are designed by Huawei's HiSilicon unit.", expect: ['SUBSIDIARY_OF HiSilicon -> Huawei'] },
  // a licence requirement on one item is named after the nation's short name, whatever the regime's own name
  {
    rule: 'restriction',
    text: 'In April, the U.S. government told AMD it would require a license to export the MI308 to China.',
    expect: ['ENACTED_BY US MI308 export licence requirement -> United States', 'APPLIES_TO US MI308 export licence requirement -> China'],
  },
  { rule: 'invests-in', text: 'Microsoft expects $10 billion in revenue from Japan.', expect: [], not: ['PARTY_TO', 'INVESTS_IN'] },
  { rule: 'invests-in', text: "Microsoft's commitment to the UAE is the largest: $15.2 billion between 2023 and 2029.", expect: ['PARTY_TO Microsoft -> Microsoft-UAE $15.2B investment'] },
  {
    rule: 'invests-in',
    text: 'Mistral AI secured €1.7 billion in Series C funding, with ASML contributing €1.3 billion for an 11% stake.',
    expect: ['INVESTS_IN ASML -> Mistral AI', 'PARTY_TO ASML -> ASML-Mistral AI €1.3B investment'],
  },
  { rule: 'invests-in', text: "Microsoft's deal with the UAE includes $1.5 billion in equity in G42.", expect: ['INVESTS_IN Microsoft -> G42'] },
  {
    rule: 'invests-in',
    text: 'Groq announced a $1.5 billion Saudi investment to build a data center.',
    expect: ['PARTY_TO Groq -> Groq-Saudi $1.5B investment', 'PARTY_TO Saudi Arabia -> Groq-Saudi $1.5B investment'],
  },
  { rule: 'invests-in', text: 'Cohere raised $500 million from Nvidia and Oracle.', expect: ['INVESTS_IN NVIDIA -> Cohere', 'INVESTS_IN Oracle -> Cohere'] },
  { rule: 'invests-in', text: 'Groq announced a new Saudi office in Riyadh.', expect: [], not: ['PARTY_TO', 'INVESTS_IN'] },
  { rule: 'invests-in', text: "Anthropic's investments from Amazon and Google deepen.", expect: ['INVESTS_IN Amazon -> Anthropic', 'INVESTS_IN Google -> Anthropic'] },
  { rule: 'invests-in', text: 'Amazon is investing $8 billion in Anthropic.', expect: ['INVESTS_IN Amazon -> Anthropic'] },
  {
    rule: 'invests-in',
    text: 'Mubadala is an investor in French AI startup Mistral AI as well as G42, and is partnering with Microsoft.',
    expect: ['INVESTS_IN Mubadala -> Mistral AI', 'INVESTS_IN Mubadala -> G42'],
    not: ['INVESTS_IN Mubadala -> Microsoft', 'INVESTS_IN Mubadala -> France'],
  },
  {
    rule: 'invests-in',
    text: 'Rapidus was set up in 2022 by four Japanese companies — Toyota, Sony Group, Denso and Kioxia.',
    expect: ['INVESTS_IN Toyota Motor -> Rapidus', 'INVESTS_IN Denso -> Rapidus', 'HEADQUARTERED_IN Kioxia -> Japan'],
  },
  { rule: 'invests-in', text: 'Mistral AI, founded in 2023 by former researchers from Google DeepMind and Meta, raised money.', expect: [], not: ['INVESTS_IN'] },
  {
    rule: 'invests-in',
    text: 'Nordwind Compute — a joint venture between Brookfield and Digital Realty — announced a new campus.',
    expect: ['INVESTS_IN Brookfield Asset Management -> Nordwind Compute', 'INVESTS_IN Digital Realty -> Nordwind Compute'],
  },
  {
    rule: 'invests-in',
    text: 'ESMC is a joint venture led by TSMC, with Bosch, Infineon and NXP each holding a 10% stake.',
    expect: ['INVESTS_IN TSMC -> European Semiconductor Manufacturing Company', 'INVESTS_IN Infineon Technologies -> European Semiconductor Manufacturing Company'],
  },
  {
    rule: 'invests-in',
    text: 'ESMC is a joint venture of TSMC and Infineon to make chips for Bosch.',
    expect: ['INVESTS_IN Infineon Technologies -> European Semiconductor Manufacturing Company'],
    not: ['INVESTS_IN Bosch'],
  },
  { rule: 'invests-in', text: 'Microsoft acquired a 49% stake in OpenAI.', expect: ['INVESTS_IN Microsoft -> OpenAI'], not: ['PARTY_TO Microsoft -> Microsoft acquisition of OpenAI'] },
  // backers named in a clause after the one who raised, or of its round
  {
    rule: 'invests-in',
    text: 'Mistral AI has raised more than $1 billion since 2023, backed by Lightspeed, Accel and Nvidia.',
    expect: ['INVESTS_IN Lightspeed Venture Partners -> Mistral AI', 'INVESTS_IN Accel -> Mistral AI', 'INVESTS_IN NVIDIA -> Mistral AI'],
  },
  { rule: 'invests-in', text: 'Zhipu AI is closing a funding round already backed by Alibaba and Tencent.', expect: ['INVESTS_IN Alibaba Group -> Zhipu AI', 'INVESTS_IN Tencent -> Zhipu AI'] },
  // a currency's prefix written apart from the amount names no nation; the recipient may come before the investor
  {
    rule: 'invests-in',
    text: 'The minister announced a US $3 billion investment in Brazil from Microsoft.',
    expect: ['PARTY_TO Microsoft -> Microsoft-Brazil $3B investment', 'PARTY_TO Brazil -> Microsoft-Brazil $3B investment'],
    // nor is a company the lexicon knows at home in the US read as at home where it invests
    not: ['PARTY_TO United States', 'HEADQUARTERED_IN Microsoft -> Brazil'],
  },
  { rule: 'invests-in', text: 'Microsoft said the new plan, backed by the UAE, is on track.', expect: [], not: ['INVESTS_IN United Arab Emirates -> Microsoft'] },
  // competitors named after a role with its preposition, or as the leaders a newcomer challenges
  { rule: 'competitors', text: 'Oracle has become a serious competitor to IBM and Accenture.', expect: ['COMPETES_WITH Oracle -> IBM', 'COMPETES_WITH Oracle -> Accenture'] },
  { rule: 'competitors', text: 'Rebellions hopes to challenge global AI chip leaders such as Nvidia.', expect: ['COMPETES_WITH Rebellions -> NVIDIA'] },
  {
    rule: 'competitors',
    text: 'Mistral AI has grown into a serious competitor in the chatbot market against big players like OpenAI and Anthropic.',
    expect: ['COMPETES_WITH Mistral AI -> OpenAI', 'COMPETES_WITH Mistral AI -> Anthropic'],
  },
  { rule: 'competitors', text: 'Mistral AI is a competitor in the market, said a partner of OpenAI.', expect: [], not: ['COMPETES_WITH'] },
  { rule: 'competitors', text: "Cerebras, a rival of Microsoft's partner OpenAI, raised money.", expect: [], not: ['COMPETES_WITH Cerebras Systems -> Microsoft'] },
  {
    rule: 'competitors',
    text: "Beijing backs makers such as Huawei and Cambricon so that their chips can compete with Nvidia's products.",
    expect: ['COMPETES_WITH Huawei -> NVIDIA', 'COMPETES_WITH Cambricon -> NVIDIA'],
  },
  { rule: 'acquisition', text: 'Samsung acquired the German startup Flakt for $1.7 billion.', expect: ['PARTY_TO Flakt -> Samsung-Flakt $1.7B acquisition'], not: ['PARTY_TO Germany'] },
  // a place of making named after the chip names who makes it
  { rule: 'fabricated-by', text: "Tesla will make its AI5 chip at Samsung's new Texas fab.", expect: ['FABRICATED_BY Tesla AI5 -> Samsung Electronics'], not: ['FABRICATED_BY Tesla AI5 -> Tesla'] },
  // a nation's law named by its subject in lower case, as written
  { rule: 'national-regime', text: "Regulators said the merger broke Japan's anti-monopoly law.", expect: ['ENACTED_BY Japan anti-monopoly law -> Japan'] },
  { rule: 'national-regime', text: 'The hosts must follow French data localisation laws.', expect: ['ENACTED_BY French data localisation laws -> France'] },
  { rule: 'national-regime', text: 'US law firms advised on the merger.', expect: [], not: ['ENACTED_BY'] },
  // deals and partnerships
  { rule: 'deal-with', text: 'Meta signed a six-year, $10 billion cloud deal with Google.', expect: ['PARTY_TO Meta Platforms -> Meta-Google $10B deal', 'PARTY_TO Google -> Meta-Google $10B deal'] },
  { rule: 'partnership', text: 'Oracle and OpenAI are partnering with SoftBank on Stargate.', expect: ['PARTNERS_WITH Oracle -> SoftBank', 'PARTNERS_WITH OpenAI -> SoftBank'] },
  // reported speech, an agreement's worth, a group and its members, a venture founded together
  { rule: 'partnership', text: 'Oracle said on Tuesday that it has signed a partnership agreement with SoftBank to build sites.', expect: ['PARTNERS_WITH Oracle -> SoftBank'] },
  { rule: 'partnership', text: 'Last year Meta signed a deal worth several billion dollars with CoreWeave.', expect: ['PARTNERS_WITH Meta Platforms -> CoreWeave'] },
  {
    rule: 'partnership',
    text: 'SK Telecom heads a consortium that includes Rebellions and Samsung.',
    expect: ['PARTNERS_WITH SK Telecom -> Rebellions', 'PARTNERS_WITH SK Telecom -> Samsung Electronics'],
    not: ['PARTNERS_WITH Rebellions -> Samsung Electronics'],
  },
  {
    rule: 'partnership',
    text: 'A consortium of BlackRock, Microsoft and MGX bought the operator.',
    expect: ['PARTNERS_WITH BlackRock -> Microsoft', 'PARTNERS_WITH Microsoft -> MGX', 'PARTNERS_WITH BlackRock -> MGX'],
  },
  { rule: 'partnership', text: 'Bpifrance co-founded the new campus with MGX last spring.', expect: ['PARTNERS_WITH Bpifrance -> MGX'] },
  { rule: 'partnership', text: 'Nvidia said it expects demand from Microsoft to grow.', expect: [], not: ['PARTNERS_WITH'] },
  {
    rule: 'partnership',
    text: 'Microsoft is partnering with SoftBank and Oracle.',
    expect: ['PARTNERS_WITH Microsoft -> SoftBank', 'PARTNERS_WITH Microsoft -> Oracle'],
    not: ['PARTNERS_WITH SoftBank -> Oracle'],
  },
  {
    rule: 'deal-with',
    text: 'OpenAI has signed a $10 billion Oracle contract for compute.',
    expect: ['PARTY_TO OpenAI -> OpenAI-Oracle $10B contract', 'PARTY_TO Oracle -> OpenAI-Oracle $10B contract'],
  },
  { rule: 'deal-with', text: 'OpenAI signed a Microsoft memo.', expect: [], not: ['PARTY_TO'] },
  {
    rule: 'selection',
    text: 'The Pentagon awarded contracts worth up to $200 million each to Anthropic, Google and xAI.',
    expect: [
      'PARTY_TO US Department of Defense -> US Department of Defense $200M contracts',
      'COVERS US Department of Defense $200M contracts -> Anthropic',
      'COVERS US Department of Defense $200M contracts -> xAI',
    ],
  },
  { rule: 'selection', text: 'The Pentagon awarded medals to soldiers.', expect: [], not: ['PARTY_TO', 'COVERS'] },
  {
    rule: 'programme',
    text: 'France and the UAE signed a massive agreement for a 1-gigawatt AI data center.',
    expect: ['PARTY_TO France -> France-UAE agreement', 'PARTY_TO United Arab Emirates -> France-UAE agreement'],
  },
  { rule: 'programme', text: 'France and the UAE signed a letter.', expect: [], not: ['PARTY_TO'] },
  { rule: 'partnership', text: 'Groq will build the largest inference data center, in partnership with Oracle and Nvidia.', expect: ['PARTNERS_WITH Groq -> Oracle', 'PARTNERS_WITH Groq -> NVIDIA'] },
  { rule: 'partnership', text: "OpenAI's relationship with Microsoft Azure provides the backbone.", expect: ['PARTNERS_WITH OpenAI -> Microsoft Azure'] },
  { rule: 'partnership', text: "Google's relationship to OpenAI is tense.", expect: [], not: ['PARTNERS_WITH'] },
  {
    rule: 'partnership',
    text: "OpenAI's relationship with Oracle and the US defense contracting ecosystem deepens.",
    expect: ['PARTNERS_WITH OpenAI -> Oracle'],
    not: ['PARTNERS_WITH OpenAI -> United States'],
  },
  { rule: 'operated-by', text: 'Anthropic took money from Amazon (which operates AWS) last year.', expect: ['OPERATED_BY Amazon Web Services -> Amazon'] },
  // ownership and location
  { rule: 'subsidiary-of', text: 'Inception, a G42 company, released a model.', expect: ['SUBSIDIARY_OF Inception -> G42'] },
  { rule: 'subsidiary-of', text: 'LG AI Research is the artificial intelligence research institute of LG Corp.', expect: ['SUBSIDIARY_OF LG AI Research -> LG Group'] },
  { rule: 'subsidiary-of', text: 'Inception, a company that competes with G42, grew.', expect: [], not: ['SUBSIDIARY_OF'] },
  { rule: 'headquartered-in', text: 'Inception, a G42 company based in Abu Dhabi, released a model.', expect: ['HEADQUARTERED_IN Inception -> United Arab Emirates'] },
  { rule: 'headquartered-in', text: 'Zhipu AI, a Beijing-based startup, released GLM-4.5.', expect: ['HEADQUARTERED_IN Zhipu AI -> China'] },
  { rule: 'headquartered-in', text: 'Mistral AI — Paris-based and ambitious — secured funding.', expect: ['HEADQUARTERED_IN Mistral AI -> France'] },
  {
    rule: 'headquartered-in',
    text: 'The Korean memory sector, with its two champions, notably Samsung and SK Hynix, supplies HBM.',
    expect: ['HEADQUARTERED_IN Samsung Electronics -> South Korea', 'HEADQUARTERED_IN SK hynix -> South Korea'],
  },
  { rule: 'headquartered-in', text: 'Chinese buyers such as Alibaba and Tencent ordered more accelerators.', expect: [], not: ['HEADQUARTERED_IN'] },
  { rule: 'headquartered-in', text: 'Analysts praised the French government-funded Mistral AI for its small models.', expect: ['HEADQUARTERED_IN Mistral AI -> France'] },
  { rule: 'headquartered-in', text: 'The French government told Mistral AI to publish its data.', expect: [], not: ['HEADQUARTERED_IN'] },
  { rule: 'headquartered-in', text: "G42 (the UAE's primary AI infrastructure company) signed a deal.", expect: ['HEADQUARTERED_IN G42 -> United Arab Emirates'] },
  { rule: 'headquartered-in', text: 'Microsoft will invest $1.5 billion in G42, the Abu Dhabi AI firm.', expect: ['HEADQUARTERED_IN G42 -> United Arab Emirates'] },
  { rule: 'headquartered-in', text: 'Researchers in Paris met Mistral AI.', expect: [], not: ['HEADQUARTERED_IN'] },
  {
    rule: 'headquartered-in',
    text: 'The venture was founded by four Korean companies — Naver, Kakao, Samsung Electronics and SK Telecom.',
    expect: ['HEADQUARTERED_IN NAVER -> South Korea', 'HEADQUARTERED_IN Kakao -> South Korea', 'HEADQUARTERED_IN SK Telecom -> South Korea'],
  },
  { rule: 'headquartered-in', text: 'Chinese suppliers: Huawei, Biren and Cambricon all gained share.', expect: ['HEADQUARTERED_IN Huawei -> China', 'HEADQUARTERED_IN Cambricon -> China'] },
  {
    rule: 'headquartered-in',
    text: 'Buyers still prefer American vendors over European alternatives such as Mistral AI and Aleph Alpha.',
    expect: ['HEADQUARTERED_IN Mistral AI -> European Union'],
    not: ['HEADQUARTERED_IN Mistral AI -> United States', 'HEADQUARTERED_IN Aleph Alpha -> United States'],
  },
  {
    rule: 'headquartered-in',
    text: 'The supply deal pairs Infineon of Germany with Foxconn of Taiwan.',
    expect: ['HEADQUARTERED_IN Infineon Technologies -> Germany', 'HEADQUARTERED_IN Foxconn -> Taiwan'],
  },
  { rule: 'headquartered-in', text: 'The Ministry of Economy of Japan granted the aid.', expect: [], not: ['HEADQUARTERED_IN'] },
  {
    rule: 'headquartered-in',
    text: "G42 is backed by the UAE's sovereign investment fund, Mubadala.",
    expect: ['HEADQUARTERED_IN Mubadala -> United Arab Emirates'],
  },
  {
    rule: 'headquartered-in',
    text: 'SK hynix won an order from Nvidia. The South Korean memory giant will ship HBM4 next year.',
    expect: ['HEADQUARTERED_IN SK hynix -> South Korea'],
    not: ['HEADQUARTERED_IN NVIDIA -> South Korea'],
  },
  {
    rule: 'headquartered-in',
    text: 'Mistral AI raised money from Nvidia. It is now the most valuable AI company in Europe.',
    expect: [],
    not: ['HEADQUARTERED_IN NVIDIA -> European Union'],
  },
  {
    rule: 'headquartered-in',
    text: 'US-headquartered companies — NVIDIA, AMD, Dell, Oracle — appear in most projects.',
    expect: ['HEADQUARTERED_IN NVIDIA -> United States', 'HEADQUARTERED_IN Oracle -> United States'],
  },
  // a public body's home goes without saying: analysts do not record it
  { rule: 'headquartered-in', text: 'The Chinese Academy of Sciences partnered with Huawei.', expect: [], not: ['HEADQUARTERED_IN Chinese Academy of Sciences'] },
  { rule: 'headquartered-in', text: 'The European Commission selected three clouds.', expect: [], not: ['HEADQUARTERED_IN'] },
  { rule: 'headquartered-in', text: 'US companies and Chinese rivals like Huawei compete.', expect: [], not: ['HEADQUARTERED_IN Huawei -> United States'] },
  // makers
  { rule: 'possessive', text: "NVIDIA's H100 or H200 are faster.", expect: ['DESIGNED_BY NVIDIA H100 -> NVIDIA', 'DESIGNED_BY NVIDIA H200 -> NVIDIA'] },
  {
    rule: 'possessive',
    text: "Huawei's Ascend NPU line, the 910B and the next-generation 910C, is improving.",
    expect: ['DESIGNED_BY Huawei Ascend 910B -> Huawei', 'DESIGNED_BY Huawei Ascend 910C -> Huawei'],
  },
  { rule: 'possessive', text: "Gemini 3 Pro, Google's 2026 flagship reasoning model, improved.", expect: ['DEVELOPED_BY Gemini 3 Pro -> Google'] },
  // a product the lexicon knows the maker of, named in a sentence with that maker, is the maker's: the possessive is the CEO's,
  // the design the lexicon's; a denial or a table's row states nothing
  { rule: 'relate', text: "Nvidia's CEO spoke about the H100.", expect: ['DESIGNED_BY NVIDIA H100 -> NVIDIA'] },
  { rule: 'relate', text: 'Nvidia did not mention the H100.', expect: [], not: ['DESIGNED_BY'] },
  { rule: 'developed-by', text: 'Falcon — its open-source model developed at the Technology Innovation Institute — is popular.', expect: ['DEVELOPED_BY Falcon -> Technology Innovation Institute'] },
  { rule: 'developed-by', text: 'Qwen3-8B, the open-weight model released by the Qwen team, is small.', expect: ['DEVELOPED_BY Qwen3-8B -> Qwen Team'] },
  { rule: 'developed-by', text: 'Dimension OpenAI (GPT-5.5 ecosystem) Anthropic (Claude Opus 4.7 ecosystem)', expect: ['DEVELOPED_BY GPT-5.5 -> OpenAI', 'DEVELOPED_BY Claude Opus 4.7 -> Anthropic'] },
  { rule: 'developed-by', text: 'Meta AI competes with its open-weight models including Llama 4 and Llama 3.1.', expect: ['DEVELOPED_BY Llama 4 -> Meta AI', 'DEVELOPED_BY Llama 3.1 -> Meta AI'] },
  { rule: 'developed-by', text: 'GLM-5.1 was benchmarked against models developed by OpenAI.', expect: [], not: ['DEVELOPED_BY'] },
  { rule: 'developed-by', text: "DeepSeek's V4 runs on Huawei Ascend 910C chips.", expect: ['DEVELOPED_BY DeepSeek V4 -> DeepSeek', 'RUNS_ON DeepSeek V4 -> Huawei Ascend 910C'] },
  { rule: 'developed-by', text: 'Phi-4 is a 14B parameter model developed by Microsoft Research.', expect: ['DEVELOPED_BY Phi-4 -> Microsoft Research AI'] },
  { rule: 'developed-by', text: 'Mistral-Small-3.1 is released by Mistral AI under the Apache 2.0 license.', expect: ['DEVELOPED_BY Mistral-Small-3.1 -> Mistral AI'] },
  { rule: 'invests-in', text: 'xAI has raised $20 billion from investors including Nvidia.', expect: ['INVESTS_IN NVIDIA -> xAI'] },
  // hardware
  { rule: 'trained-on', text: 'GLM-5 was pre-trained on 23 trillion tokens using 100,000 Huawei Ascend 910B chips.', expect: ['TRAINED_ON GLM-5 -> Huawei Ascend 910B'] },
  { rule: 'trained-on', text: 'GLM-5.1, which topped the SWE-Bench Pro leaderboard, was trained entirely on 100,000 Huawei Ascend 910B chips.', expect: ['TRAINED_ON GLM-5.1 -> Huawei Ascend 910B'] },
  { rule: 'trained-on', text: 'Llama 4 was fine-tuned on 64 NVIDIA H100 GPUs.', expect: ['TRAINED_ON Llama 4 -> NVIDIA H100'] },
  { rule: 'trained-on', text: 'Llama 4 was compared on 64 benchmarks with NVIDIA H100 results.', expect: [], not: ['TRAINED_ON'] },
  { rule: 'runs-on', text: 'DeepSeek-V4 runs inference meaningfully on 8×H20 clusters.', expect: ['RUNS_ON DeepSeek-V4 -> NVIDIA H20'] },
  // a nation's export controls on something to someone are its regime, applied
  {
    rule: 'enacted-by',
    text: 'Japan imposed export controls on photoresists and etching gases to South Korea.',
    expect: ['ENACTED_BY Japan export controls -> Japan', 'APPLIES_TO Japan export controls -> South Korea'],
  },
  // an agency's controls are its nation's regime
  {
    rule: 'national-regime',
    text: 'The Commerce Department said its export controls restrict Russia and Iran.',
    expect: ['ENACTED_BY US export controls on AI chips -> US Department of Commerce', 'APPLIES_TO US export controls on AI chips -> Russia'],
  },
  { rule: 'national-regime', text: "Nvidia's export controls team met analysts.", expect: [], not: ['ENACTED_BY'] },
  // a government's instrument is its nation's
  { rule: 'government-instrument', text: "The government's new Compute Roadmap serves the UK's research priorities.", expect: ['ENACTED_BY Compute Roadmap -> United Kingdom'] },
  { rule: 'government-instrument', text: "The Japanese government's Semiconductor Strategy was revised.", expect: ['ENACTED_BY Semiconductor Strategy -> Japan'] },
  { rule: 'government-instrument', text: "The government's Digital Strategy was praised in France and Germany.", expect: [], not: ['ENACTED_BY'] },
  // a comparison joins two of one kind: a lab is not compared with a model
  { rule: 'relate', text: 'Mistral AI achieved results comparable to GPT-4o last year.', expect: [], not: ['COMPETES_WITH'] },
  { rule: 'relate', text: 'Qwen3 achieved results comparable to GPT-4o last year.', expect: ['COMPETES_WITH Qwen3 -> GPT-4o'] },
  { rule: 'runs-on', text: 'The new Qwen model is optimised for Huawei Ascend 910C accelerators.', expect: ['RUNS_ON Qwen -> Huawei Ascend 910C'] },
  { rule: 'runs-on', text: 'Gemma 3 was tuned for TPU v5 pods before launch.', expect: ['RUNS_ON Gemma 3 -> TPU v5'] },
  { rule: 'runs-on', text: 'DeepSeek-V3 was ported to Ascend 910B chips within a week.', expect: ['RUNS_ON DeepSeek-V3 -> Huawei Ascend 910B'] },
  { rule: 'runs-on', text: 'Huawei optimised its Ascend 910B supply for Chinese buyers.', expect: [], not: ['RUNS_ON'] },
  { rule: 'trained-on', text: 'Zhipu AI trained GLM-5 on 10,000 H100s last year.', expect: ['TRAINED_ON GLM-5 -> NVIDIA H100'] },
  {
    rule: 'derived-from',
    text: 'Lumen-8B is a fine-tuned version of Llama 3.1 on legal text. The model was distilled from DeepSeek-R1.',
    expect: ['DERIVED_FROM Lumen-8B -> Llama 3.1', 'DERIVED_FROM Lumen-8B -> DeepSeek-R1'],
  },
  { rule: 'derived-from', text: 'Qwen3-8B-AWQ is the AWQ quantized version of Qwen3-8B.', expect: ['DERIVED_FROM Qwen3-8B-AWQ -> Qwen3-8B'] },
  { rule: 'derived-from', text: 'GLM-5 is a better version than Llama 3.1 on most benchmarks.', expect: [], not: ['DERIVED_FROM'] },
  { rule: 'possessive', text: "Huawei's Ascend NPU line keeps growing.", expect: ['DESIGNED_BY Huawei Ascend NPU (model unspecified) -> Huawei'] },
  // regulation
  { rule: 'possessive', text: "Japan's Personal Information Protection Act applies.", expect: ['ENACTED_BY Personal Information Protection Act -> Japan'] },
  {
    rule: 'possessive',
    text: "The EU's GDPR and Japan's APPI apply.",
    expect: ['ENACTED_BY General Data Protection Regulation -> European Union', 'ENACTED_BY Act on the Protection of Personal Information -> Japan'],
  },
  { rule: 'enacted-by', text: 'Saudi state-backed Humain has announced a $77 billion AI strategy.', expect: ['HEADQUARTERED_IN Humain -> Saudi Arabia'], not: ['ENACTED_BY'] },
  {
    rule: 'listing',
    text: 'The Commerce Department added Huawei and SMIC to the Entity List.',
    expect: ['APPLIES_TO Entity List -> Huawei', 'APPLIES_TO Entity List -> SMIC', 'ENACTED_BY Entity List -> US Department of Commerce'],
  },
  { rule: 'listing', text: 'The team added GPT-5 to the benchmark list.', expect: [], not: ['APPLIES_TO'] },
  {
    rule: 'listing',
    text: 'The Commerce Department added 27 companies to the Entity List, under the destination of Russia, on Tuesday.',
    expect: ['ENACTED_BY Entity List -> US Department of Commerce', 'APPLIES_TO Entity List -> Russia'],
  },
  { rule: 'listing', text: 'The team added two new charts to the report.', expect: [], not: ['ENACTED_BY'] },
  {
    rule: 'restriction',
    text: 'The Netherlands restricted exports of ASML machines to China.',
    expect: ['APPLIES_TO Netherlands export controls -> China', 'ENACTED_BY Netherlands export controls -> Netherlands'],
  },
  // export measures stated by what a government does, in the active, the passive and as a licence requirement
  {
    rule: 'restriction',
    text: 'Last year the US government restricted accelerators like the H100 and A100 from Chinese buyers.',
    expect: [
      'ENACTED_BY US export controls on AI chips -> United States',
      'APPLIES_TO US export controls on AI chips -> NVIDIA H100',
      'APPLIES_TO US export controls on AI chips -> NVIDIA A100',
      'APPLIES_TO US export controls on AI chips -> China',
    ],
  },
  {
    rule: 'restriction',
    text: 'In March, Japanese officials told Nvidia they would require a licence to ship the H200 to China.',
    expect: [
      'APPLIES_TO Japan H200 export licence requirement -> NVIDIA',
      'APPLIES_TO Japan H200 export licence requirement -> NVIDIA H200',
      'APPLIES_TO Japan H200 export licence requirement -> China',
    ],
    not: ['HEADQUARTERED_IN NVIDIA -> Japan'],
  },
  {
    rule: 'restriction',
    text: 'Nvidia will require a licence to use its software in China.',
    expect: [],
    not: ['APPLIES_TO', 'ENACTED_BY'],
  },
  { rule: 'restriction', text: 'The Ascend 910B was added to US sanctions this spring.', expect: ['APPLIES_TO US sanctions -> Huawei Ascend 910B', 'ENACTED_BY US sanctions -> United States'] },
  {
    rule: 'restriction',
    text: 'The A100 and H100 were barred by the US for export to Russia.',
    expect: ['APPLIES_TO US export controls on AI chips -> NVIDIA A100', 'APPLIES_TO US export controls on AI chips -> NVIDIA H100', 'APPLIES_TO US export controls on AI chips -> Russia'],
  },
  {
    rule: 'restriction',
    text: 'The H200 was added to US sanctions, along with accelerators from AMD and Intel.',
    expect: ['APPLIES_TO US sanctions -> NVIDIA H200', 'APPLIES_TO US sanctions -> AMD', 'APPLIES_TO US sanctions -> Intel'],
  },
  // a government named by its leader acts for the nation; a bare regime noun is the nation's regime
  {
    rule: 'restriction',
    text: 'The Biden administration banned MI300X sales to China in 2024.',
    expect: ['ENACTED_BY US export controls on AI chips -> United States', 'APPLIES_TO US export controls on AI chips -> China'],
  },
  {
    rule: 'enacted-by',
    text: 'Last year Japan imposed new export controls to curb China’s access to chipmaking tools.',
    expect: ['ENACTED_BY Japan export controls -> Japan', 'APPLIES_TO Japan export controls -> China'],
  },
  // training named as a noun; a size among a possessive's modifiers
  {
    rule: 'trained-on',
    text: "The lab finished the post-training of Zhipu's 355-billion-parameter GLM-4.5 model on a cluster of 4,000 Ascend 910B accelerators.",
    expect: ['TRAINED_ON GLM-4.5 -> Huawei Ascend 910B', 'DEVELOPED_BY GLM-4.5 -> Zhipu AI'],
  },
  { rule: 'trained-on', text: 'The training of engineers on Nvidia H100 clusters takes weeks.', expect: [], not: ['TRAINED_ON'] },
  // a release announced by its title alone
  { rule: 'release-title', text: 'Introducing Qwen3.9-Max and QwQ-64B', expect: ['DEVELOPED_BY Qwen3.9-Max -> Alibaba Group', 'DEVELOPED_BY QwQ-64B -> Alibaba Group'] },
  { rule: 'release-title', text: 'GLM-5.5-Air 发布 2026/03/01', expect: ['DEVELOPED_BY GLM-5.5-Air -> Zhipu AI'] },
  { rule: 'release-title', text: 'GLM-5.5-Air beats Llama 4 on coding.', expect: [], not: ['DEVELOPED_BY Llama 4'] },
  // a phrase that only counts or points names no instrument; offices at home add nothing to headquarters
  { rule: 'enacted-by', text: 'The Commerce Department issued other rules, which tightened exports.', expect: [], not: ['ENACTED_BY'] },
  // a nation after a word of place on the left is where the money goes, not who runs what follows
  { rule: 'relate', text: 'The president announced a $5 billion investment in Mexico from Amazon Web Services.', expect: [], not: ['OPERATED_BY Amazon Web Services -> Mexico'] },
  // members named after a nationality and a plural kind; every target a takeover lists
  {
    rule: 'acquisition',
    text: 'Nvidia has acquired Israeli startups Zorvex and Kestrel Labs for over $1 billion.',
    expect: ['SUBSIDIARY_OF Zorvex -> NVIDIA', 'SUBSIDIARY_OF Kestrel Labs -> NVIDIA', 'HEADQUARTERED_IN Zorvex -> Israel'],
  },
  // a list of a line's items ends at a preposition: what follows it is no item of the owner's line
  { rule: 'possessive', text: "Amazon added Anthropic's model family, Claude, to Bedrock last April.", expect: ['DEVELOPED_BY Claude -> Anthropic'], not: ['OPERATED_BY Amazon Bedrock -> Anthropic'] },
  // the target of a takeover with what it is; a unit named with the department it belongs to
  { rule: 'acquisition', text: 'The probe is focused on Nvidia’s 2020 acquisition of networking company Mellanox.', expect: ['SUBSIDIARY_OF Mellanox -> NVIDIA'] },
  {
    rule: 'subsidiary-of',
    text: 'Officials at the Bureau of Industry and Security (BIS) of the U.S. Department of Commerce said so.',
    expect: ['SUBSIDIARY_OF Bureau of Industry and Security -> US Department of Commerce'],
  },
  // an adverb of time inside a relation phrase changes nothing of it; a hedge still blocks
  { rule: 'relate', text: 'Claude is available now on Vertex AI.', expect: ['AVAILABLE_ON Claude -> Vertex AI'] },
  { rule: 'relate', text: 'Microsoft reportedly invested in OpenAI.', expect: [], not: ['INVESTS_IN'] },
  // one named as another's competitor, supplier or customer by a possessive; a seller in a relative clause; customers listed
  { rule: 'competitors', text: "AMD is Nvidia's biggest competitor in the accelerator market.", expect: ['COMPETES_WITH AMD -> NVIDIA'] },
  { rule: 'partnership', text: 'Analysts say SK hynix is Nvidia’s main memory supplier.', expect: ['PARTNERS_WITH SK hynix -> NVIDIA'] },
  { rule: 'partnership', text: 'Micron, which supplies AMD, says its chips use more memory.', expect: ['PARTNERS_WITH Micron Technology -> AMD'] },
  {
    rule: 'partnership',
    text: 'Samsung started shipping new memory chips to customers including Nvidia and AMD.',
    expect: ['PARTNERS_WITH Samsung Electronics -> NVIDIA', 'PARTNERS_WITH Samsung Electronics -> AMD'],
  },
  { rule: 'partnership', text: 'Samsung may start shipping new memory chips to customers including Nvidia.', expect: [], not: ['PARTNERS_WITH'] },
  // a stock ticker after a listed company's name is part of its mention; a joint plan is a partnership
  { rule: 'partnership', text: 'OpenAI and Broadcom Inc. (NASDAQ: AVGO) announced a multi-year collaboration on custom chips.', expect: ['PARTNERS_WITH OpenAI -> Broadcom'] },
  { rule: 'partnership', text: 'Nvidia and Foxconn have announced a joint plan to build a supercomputer.', expect: ['PARTNERS_WITH NVIDIA -> Foxconn'] },
  // a partner the money is spent with, described, is a partner and no recipient
  {
    rule: 'partnership',
    text: 'Nvidia will invest $200 million in a research centre, in collaboration with local telecoms leader Indosat.',
    expect: ['PARTNERS_WITH NVIDIA -> Indosat Ooredoo Hutchison'],
    not: ['INVESTS_IN NVIDIA -> Indosat'],
  },
  // the holders a relative clause names, and money spent in a company
  {
    rule: 'invests-in',
    text: 'The plant is run by Zephyr Foundry Corp. (ZFC), in which TSMC, Sony and Toyota hold equity stakes.',
    expect: ['INVESTS_IN TSMC -> Zephyr Foundry Corp', 'INVESTS_IN Sony Group -> Zephyr Foundry Corp', 'INVESTS_IN Toyota Motor -> Zephyr Foundry Corp'],
  },
  { rule: 'relate', text: 'Last year Microsoft agreed to spend $1.5 billion in G42.', expect: ['INVESTS_IN Microsoft -> G42'] },
  // a second verb of the sentence's subject after a comma and "and"
  {
    rule: 'partnership',
    text: 'Nebius is a backer of several startups, and is partnering with Oracle and Intel on new software.',
    expect: ['PARTNERS_WITH Nebius -> Oracle', 'PARTNERS_WITH Nebius -> Intel'],
  },
  // an act done once stays done; a state that held once no longer holds
  { rule: 'relate', text: 'Bpifrance has previously invested in Mistral AI.', expect: ['INVESTS_IN Bpifrance -> Mistral AI'] },
  { rule: 'relate', text: 'Acme previously partnered with Oracle.', expect: [], not: ['PARTNERS_WITH'] },
  // an instruct or chat version of a base model
  { rule: 'derived-from', text: 'Heron-7B-Chat is an instruct version of the Heron-7B model.', expect: ['DERIVED_FROM Heron-7B-Chat -> Heron-7B'] },
  { rule: 'derived-from', text: 'Heron-7B-Chat is a chat variant of the Heron-7B model.', expect: ['DERIVED_FROM Heron-7B-Chat -> Heron-7B'] },
  // a clause opening on the lineage
  { rule: 'derived-from', text: 'Built on the open-source Qwen2.5 model, Wren-4.0 has been further trained with large-scale data.', expect: ['DERIVED_FROM Wren-4.0 -> Qwen2.5'] },
  { rule: 'derived-from', text: 'Fine-tuned from Mistral-7B-v0.1, Heron-7B-Chat answers in French.', expect: ['DERIVED_FROM Heron-7B-Chat -> Mistral-7B-v0.1'] },
  { rule: 'derived-from', text: 'Based on Nvidia guidance, Acme built a cluster for Heron-7B-Chat.', expect: [], not: ['DERIVED_FROM'] },
  // a known model's owner named by its maker's house ("Meta" for a model of Meta's lab)
  { rule: 'possessive', text: "Acme fine-tuned Meta's Llama 3.3 70B model for its agents.", expect: ['DEVELOPED_BY Llama 3.3 70B -> Meta Platforms'] },
  // an instrument's own name says whose it is: a public body opening it, the Union's designation, a President's order number
  {
    rule: 'national-instrument',
    text: 'Exporters must now follow MOFCOM Announcement No. 40 of 2026 on graphite anodes.',
    expect: ['ENACTED_BY MOFCOM Announcement No. 40 of 2026 -> Ministry of Commerce of China'],
  },
  { rule: 'national-instrument', text: 'The BIS Foundry Rule took effect last week.', expect: ['ENACTED_BY BIS Foundry Rule -> Bureau of Industry and Security'] },
  { rule: 'national-instrument', text: 'Operators cite Regulation (EU) 2031/77 in their filings.', expect: ['ENACTED_BY Regulation (EU) 2031/77 -> European Union'] },
  { rule: 'national-instrument', text: 'The agency acted under Executive Order 14999 last spring.', expect: ['ENACTED_BY Executive Order 14999 -> United States'] },
  // a statute named after the agency it empowers is the legislature's, not the agency's
  { rule: 'national-instrument', text: 'Lawyers read the Federal Trade Commission Act closely.', expect: [], not: ['ENACTED_BY Federal Trade Commission Act -> Federal Trade Commission'] },
  {
    rule: 'relate',
    text: 'Samsung is headquartered in Seoul. It has plants in South Korea, Vietnam and India.',
    expect: ['LOCATED_IN Samsung Electronics -> Vietnam'],
    not: ['LOCATED_IN Samsung Electronics -> South Korea'],
  },
  // the parties a law names by example
  {
    rule: 'regulated-parties',
    text: 'The CLOUD Act lets US prosecutors compel cloud providers such as Microsoft and Google to produce data held abroad.',
    expect: ['APPLIES_TO CLOUD Act -> Microsoft', 'APPLIES_TO CLOUD Act -> Google'],
  },
  { rule: 'regulated-parties', text: 'The EU AI Act was praised by companies such as Microsoft and Google.', expect: [], not: ['APPLIES_TO'] },
  // investments stated as noun phrases
  { rule: 'invests-in', text: 'Filings show a $3 billion Nvidia investment in Mistral AI.', expect: ['INVESTS_IN NVIDIA -> Mistral AI'] },
  { rule: 'invests-in', text: 'It is the largest commitment by SoftBank to invest in Anthropic so far: $2 billion.', expect: [], not: ['PARTY_TO SoftBank'] },
  {
    rule: 'invests-in',
    text: 'The company confirmed a $4 billion commitment by Amazon to invest in Anthropic.',
    expect: ['INVESTS_IN Amazon -> Anthropic', 'PARTY_TO Anthropic -> Amazon-Anthropic $4B investment'],
  },
  // competitors named as such: the nearest actor before the phrase competes with each; a group among itself
  {
    rule: 'competitors',
    text: 'Samsung Electronics is racing to ship HBM4 samples as it tries to beat competitors such as SK hynix and Micron.',
    expect: ['COMPETES_WITH Samsung Electronics -> SK hynix', 'COMPETES_WITH Samsung Electronics -> Micron Technology'],
  },
  { rule: 'competitors', text: 'The deal sharpens the contest between AMD and Intel for server chips.', expect: ['COMPETES_WITH AMD -> Intel'] },
  { rule: 'competitors', text: 'Mistral AI wants to compete with OpenAI and Anthropic in Europe.', expect: ['COMPETES_WITH Mistral AI -> OpenAI', 'COMPETES_WITH Mistral AI -> Anthropic'] },
  { rule: 'competitors', text: 'Nvidia grew fast, while rivals like AMD lost share.', expect: [], not: ['COMPETES_WITH NVIDIA'] },
  { rule: 'competitors', text: 'Meta said Llama 4 rivals GPT-4o.', expect: [], not: ['COMPETES_WITH Meta'] },
  // each of a coordinated subject competes; names said to be competitors or peers
  { rule: 'competitors', text: 'Huawei, Baidu and Samsung compete with Nvidia in AI chips.', expect: ['COMPETES_WITH Huawei -> NVIDIA', 'COMPETES_WITH Baidu -> NVIDIA'] },
  { rule: 'competitors', text: 'Intel and AMD have long been competitors in server chips.', expect: ['COMPETES_WITH Intel -> AMD'] },
  { rule: 'competitors', text: 'Intel and AMD are partners in the consortium.', expect: [], not: ['COMPETES_WITH'] },
  { rule: 'competitors', text: 'Intel and peers like AMD and Nvidia were hit by the rules.', expect: ['COMPETES_WITH Intel -> AMD', 'COMPETES_WITH Intel -> NVIDIA'] },
  // a reported future with a time or a channel between the verb and "it"
  { rule: 'invests-in', text: 'Nvidia said last week it would invest $5 billion in Intel.', expect: ['INVESTS_IN NVIDIA -> Intel'] },
  { rule: 'invests-in', text: 'Nvidia said in a statement that it would invest $5 billion in Intel.', expect: ['INVESTS_IN NVIDIA -> Intel'] },
  // the holders of a company named as such
  { rule: 'invests-in', text: "Mistral AI's shareholders include Microsoft and the chip giant Nvidia.", expect: ['INVESTS_IN Microsoft -> Mistral AI', 'INVESTS_IN NVIDIA -> Mistral AI'] },
  { rule: 'invests-in', text: 'Investors in Mistral AI include Nvidia, Microsoft and Samsung.', expect: ['INVESTS_IN NVIDIA -> Mistral AI', 'INVESTS_IN Samsung Electronics -> Mistral AI'] },
  {
    rule: 'invests-in',
    text: 'The two largest investors of Mistral AI — Microsoft and Nvidia — sold their shares.',
    expect: ['INVESTS_IN Microsoft -> Mistral AI', 'INVESTS_IN NVIDIA -> Mistral AI'],
  },
  { rule: 'invests-in', text: "Nvidia's shareholders were unhappy with Intel.", expect: [], not: ['INVESTS_IN'] },
  // a takeover said to be done makes a subsidiary; one agreed, pending or failed does not
  { rule: 'acquisition', text: 'SoftBank acquired Arm in 2016 for $32 billion.', expect: ['SUBSIDIARY_OF Arm -> SoftBank'] },
  { rule: 'acquisition', text: "The probe concerns SoftBank's 2016 acquisition of Arm.", expect: ['SUBSIDIARY_OF Arm -> SoftBank'] },
  { rule: 'acquisition', text: 'SoftBank agreed to acquire Arm.', expect: [], not: ['SUBSIDIARY_OF'] },
  { rule: 'acquisition', text: "Nvidia's failed acquisition of Arm collapsed in 2022.", expect: [], not: ['SUBSIDIARY_OF'] },
  // a parent named first, then described
  { rule: 'subsidiary-of', text: "Shares in SoftBank, Arm's parent company, rose.", expect: ['SUBSIDIARY_OF Arm -> SoftBank'] },
  { rule: 'subsidiary-of', text: "SoftBank, the owner of Arm's rival, rose.", expect: [], not: ['SUBSIDIARY_OF'] },
  // a nation's group that challenges others says nothing of the others' home; a speaker ending a list is no member
  {
    rule: 'headquartered-in',
    text: 'The deal is the latest attempt by South Korean companies to challenge global AI chip leaders such as Nvidia, Reuters said.',
    expect: [],
    not: ['HEADQUARTERED_IN NVIDIA', 'HEADQUARTERED_IN Reuters'],
  },
  {
    rule: 'headquartered-in',
    text: 'Korean chipmakers such as Samsung and SK hynix, Reuters said, will gain.',
    expect: ['HEADQUARTERED_IN SK hynix -> South Korea'],
    not: ['HEADQUARTERED_IN Reuters'],
  },
  // a nation's possessive after a name describes it only as a kind of company, never as a clause of its own
  { rule: 'headquartered-in', text: "The deal is with Baidu, China's top AI lab.", expect: ['HEADQUARTERED_IN Baidu -> China'] },
  { rule: 'headquartered-in', text: "Regulators abroad banned DeepSeek, Japan's industry ministry said.", expect: [], not: ['HEADQUARTERED_IN DeepSeek -> Japan'] },
  // a nation describing the first of a list describes only those without a description of their own
  { rule: 'relate', text: "France's largest AI lab Mistral AI and the chip giant Nvidia signed a deal.", expect: ['HEADQUARTERED_IN Mistral AI -> France'], not: ['HEADQUARTERED_IN NVIDIA'] },
  // a nation named to describe the party after it is no party; an aside between dashes and a time after the verb are stepped over
  {
    rule: 'deal-with',
    text: 'Cohere announced on Tuesday a broad partnership with Canadian-born chip startup Tenstorrent, and a deal with U.S. chipmaker AMD.',
    expect: [],
    not: ['PARTY_TO United States'],
  },
  {
    rule: 'deal-with',
    text: 'Mistral AI — maker of the Le Chat assistant — has signed a multiyear deal with Microsoft to host its models.',
    expect: ['PARTY_TO Mistral AI -> Mistral AI-Microsoft deal', 'PARTY_TO Microsoft -> Mistral AI-Microsoft deal', 'PARTNERS_WITH Mistral AI -> Microsoft'],
  },
  { rule: 'deal-with', text: 'G42 announced on Monday a partnership with UAE firm Core42.', expect: [], not: ['PARTY_TO United Arab Emirates', 'PARTNERS_WITH G42 -> United Arab Emirates'] },
  // being led by someone is no investment; a round led by an investor is
  { rule: 'relate', text: 'Mistral AI, which raised money last year, is led by French engineer Arthur Mensch.', expect: [], not: ['INVESTS_IN France'] },
  { rule: 'invests-in', text: 'Mistral AI raised $600 million in a round led by General Catalyst.', expect: ['INVESTS_IN General Catalyst -> Mistral AI'] },
  // a processing unit is a chip, whatever its maker calls it
  { rule: 'possessive', text: "Startups rent Google's Tensor Processing Units (TPUs) by the hour.", expect: ['DESIGNED_BY Tensor Processing Units -> Google'] },
  // a maker's name serves the siblings written after a slash
  { rule: 'relate', text: 'The cluster will use 50,000 AMD MI300X/MI355X accelerators.', expect: ['DESIGNED_BY AMD Instinct MI300X -> AMD', 'DESIGNED_BY AMD MI355X -> AMD'] },
  // a description naming a home stands for the organisation the text named before it, and says where it is at home
  {
    rule: 'headquartered-in',
    text: 'Cerebras will ship 64 systems to Qatar this year, the US chipmaker said on Monday.',
    expect: ['HEADQUARTERED_IN Cerebras Systems -> United States'],
    not: ['LOCATED_IN Cerebras'],
  },
  {
    rule: 'headquartered-in',
    text: 'Amazon has agreed a $2 billion investment in Mistral AI, the Paris-based developer of Le Chat.',
    expect: ['INVESTS_IN Amazon -> Mistral AI'],
    not: ['HEADQUARTERED_IN Amazon', 'INVESTS_IN Mistral AI -> Amazon'],
  },
  // a supplier and its customer are partners; a deal both parties signed, or one to supply the other, names both
  { rule: 'partnership', text: 'Micron will supply Meta with HBM for its custom accelerators.', expect: ['PARTNERS_WITH Micron Technology -> Meta Platforms'] },
  { rule: 'partnership', text: 'Broadcom has become a key vendor to Meta.', expect: ['PARTNERS_WITH Broadcom -> Meta Platforms'] },
  { rule: 'partnership', text: 'Cohere plans to rent thousands of GPUs from Oracle.', expect: ['PARTNERS_WITH Oracle -> Cohere'] },
  { rule: 'partnership', text: 'Micron said it would not supply memory chips to Huawei.', expect: [], not: ['PARTNERS_WITH'] },
  { rule: 'partnership', text: 'Micron sells memory to China.', expect: [], not: ['PARTNERS_WITH'] },
  {
    rule: 'deal-with',
    text: 'Cohere and Oracle signed a $2 billion agreement on Tuesday.',
    expect: ['PARTY_TO Cohere -> Cohere-Oracle $2B agreement', 'PARTY_TO Oracle -> Cohere-Oracle $2B agreement'],
  },
  { rule: 'deal-with', text: 'Micron struck a deal to supply HBM to Meta.', expect: ['PARTY_TO Micron Technology -> Micron-Meta deal', 'PARTY_TO Meta Platforms -> Micron-Meta deal'] },
  // backers written as a hyphenated modifier or listed as the backers
  { rule: 'invests-in', text: 'Nvidia-backed Mistral AI opened an office in Munich.', expect: ['INVESTS_IN NVIDIA -> Mistral AI'] },
  { rule: 'invests-in', text: 'Cohere, whose investors include Oracle and Nvidia, cut prices.', expect: ['INVESTS_IN Oracle -> Cohere', 'INVESTS_IN NVIDIA -> Cohere'] },
  { rule: 'invests-in', text: 'Cohere counts Oracle among its backers.', expect: ['INVESTS_IN Oracle -> Cohere'] },
  { rule: 'invests-in', text: 'The Nvidia-designed chips power Cohere models.', expect: [], not: ['INVESTS_IN'] },
  // an owner holds equity in what it owns (and the owned is its subsidiary)
  {
    rule: 'invests-in',
    text: "Aleph Alpha is majority-owned by Germany's largest family holding, the Brennholt Gruppe.",
    expect: [],
    not: ['INVESTS_IN Germany'],
  },
  { rule: 'invests-in', text: 'Arm, which is owned by SoftBank, licenses chip designs.', expect: ['INVESTS_IN SoftBank -> Arm'] },
  // a nation's possessive before a company at home elsewhere is a likeness; a former owner is no owner
  { rule: 'possessive', text: "Analysts call Moore Threads China's Nvidia.", expect: [], not: ['HEADQUARTERED_IN NVIDIA'] },
  { rule: 'relate', text: 'Arm, formerly a unit of SoftBank, listed its shares.', expect: [], not: ['SUBSIDIARY_OF Arm'] },
  // the object of a takeover is an organisation even when nobody listed it
  {
    rule: 'acquisition',
    text: 'Foxconn purchased 100% of Brightwell Optics in 2019.',
    expect: ['PARTY_TO Brightwell Optics -> Foxconn-Brightwell Optics acquisition', 'PARTY_TO Foxconn -> Foxconn-Brightwell Optics acquisition'],
  },
  // a parent named as such; an acronym spelled from the capitals of a camel-cased name; a supplier shipping a product
  { rule: 'subsidiary-of', text: "Arm's parent company SoftBank raised money.", expect: ['SUBSIDIARY_OF Arm -> SoftBank'] },
  { rule: 'subsidiary-of', text: 'Arm makes chips. Regulators worried about technology going to its Japanese parent company, Vexcorp.', expect: ['SUBSIDIARY_OF Arm -> Vexcorp'] },
  { rule: 'partnership', text: 'TianLu Memory Systems (TLMS) has shipped HBM3 samples to Huawei.', expect: ['PARTNERS_WITH TianLu Memory Systems -> Huawei'] },
  // "Co" without its period ends a company's name, as news agencies write it
  {
    rule: 'headquartered-in',
    text: 'Chinese firms Korvath Information Industry Co and Belmo Technology Co were added.',
    expect: ['HEADQUARTERED_IN Korvath Information Industry Co -> China', 'HEADQUARTERED_IN Belmo Technology Co -> China'],
  },
  // a law that funds a party; competitors a firm trails
  {
    rule: 'regulated-parties',
    text: 'The department has awarded Micron up to $1.25 billion in grants under the CHIPS and Science Act.',
    expect: ['APPLIES_TO CHIPS and Science Act -> Micron Technology'],
  },
  { rule: 'regulated-parties', text: 'Micron said it would expand under the CHIPS and Science Act.', expect: [], not: ['APPLIES_TO CHIPS and Science Act -> Micron'] },
  {
    rule: 'competitors',
    text: 'Cambricon remains years behind industry leaders like Nvidia and AMD.',
    expect: ['COMPETES_WITH Cambricon -> NVIDIA', 'COMPETES_WITH Cambricon -> AMD'],
  },
  // agreements named by their parties
  {
    rule: 'named-deal',
    text: 'The Japan–India Semiconductor Partnership was signed in Tokyo.',
    expect: ['PARTY_TO Japan -> Japan-India Semiconductor Partnership', 'PARTY_TO India -> Japan-India Semiconductor Partnership'],
  },
  { rule: 'named-deal', text: 'Analysts expect the US-China chip pact to hold.', expect: ['PARTY_TO United States -> US-China chip pact', 'PARTY_TO China -> US-China chip pact'] },
  { rule: 'named-deal', text: 'The US-China trade war escalated in May.', expect: [], not: ['PARTY_TO'] },
  { rule: 'named-deal', text: 'The US-China tensions deal a blow to exporters.', expect: [], not: ['PARTY_TO'] },
  // a company acting, not a government; a plan, not a measure
  { rule: 'restriction', text: 'Nvidia restricted the H20 to approved customers in China.', expect: [], not: ['APPLIES_TO', 'ENACTED_BY'] },
  { rule: 'restriction', text: 'The US could restrict the H20 from Chinese buyers next year.', expect: [], not: ['APPLIES_TO'] },
  { rule: 'fabricated-by', text: 'Huawei unveiled the Ascend 950 chip, manufactured by SMIC.', expect: ['FABRICATED_BY Huawei Ascend 950 -> SMIC'] },
  { rule: 'national-regime', text: 'The US export control regime was designed to slow China.', expect: ['ENACTED_BY US export controls on AI chips -> United States'] },
  { rule: 'national-regime', text: 'US sanctions on Huawei hurt.', expect: ['ENACTED_BY US sanctions -> United States', 'APPLIES_TO US sanctions -> Huawei'] },
  { rule: 'national-regime', text: 'US exports to China rose.', expect: [], not: ['ENACTED_BY', 'APPLIES_TO'] },
  // "the model" in a model card is the model it named last
  {
    rule: 'anaphor',
    text: 'Qwen3-8B is an open model. The model is available on Amazon Bedrock and Vertex AI.',
    expect: ['AVAILABLE_ON Qwen3-8B -> Amazon Bedrock', 'AVAILABLE_ON Qwen3-8B -> Vertex AI'],
  },
  { rule: 'anaphor', text: 'The model is available on Amazon Bedrock.', expect: [], not: ['AVAILABLE_ON'] },
  // facilities named before or described after their head noun, placed by a city or a region of their nation
  {
    rule: 'relate',
    text: "Oracle's Lumen supercomputer in Ohio came online in March.",
    expect: ['OPERATED_BY Lumen -> Oracle', 'LOCATED_IN Lumen -> United States'],
  },
  { rule: 'relate', text: 'Meta is building Tessel, a 2GW data center campus in Bavaria.', expect: ['LOCATED_IN Tessel -> Germany', 'OPERATED_BY Tessel -> Meta Platforms'] },
  { rule: 'relate', text: 'Orrin Ridge is an AI campus in Quebec.', expect: ['LOCATED_IN Orrin Ridge -> Canada'] },
  { rule: 'relate', text: 'The Texas data center opened in May.', expect: [], not: ['LOCATED_IN Texas', 'OPERATED_BY'] },
  { rule: 'relate', text: 'Based in Shenzhen, Guangdong, Tencent makes games and AI models.', expect: ['HEADQUARTERED_IN Tencent -> China'] },
  // a description standing for the organisation named before names its home; one at home elsewhere is not meant
  { rule: 'headquartered-in', text: 'Nvidia posted record sales. The Santa Clara, California chipmaker shipped more GPUs.', expect: ['HEADQUARTERED_IN NVIDIA -> United States'] },
  { rule: 'headquartered-in', text: 'OpenAI grew quickly. The Dutch company hired new engineers.', expect: [], not: ['HEADQUARTERED_IN OpenAI -> Netherlands'] },
  { rule: 'headquartered-in', text: 'The Department of Commerce issued a rule. The French company welcomed it.', expect: [], not: ['HEADQUARTERED_IN US Department of Commerce'] },
  // investors nobody listed, named by the round they led or joined
  { rule: 'invests-in', text: 'Mistral AI closed a €600 million Series B led by Harbor Peak Capital.', expect: ['INVESTS_IN Harbor Peak Capital -> Mistral AI'] },
  {
    rule: 'invests-in',
    text: 'Cohere raised $500 million in a round led by Tallis Ventures and Orvane, with participation from Nvidia and Kestrel Partners.',
    expect: ['INVESTS_IN Tallis Ventures -> Cohere', 'INVESTS_IN Orvane -> Cohere', 'INVESTS_IN NVIDIA -> Cohere', 'INVESTS_IN Kestrel Partners -> Cohere'],
    not: ['INVESTS_IN NVIDIA -> Tallis Ventures', 'INVESTS_IN Kestrel Partners -> Orvane'],
  },
  { rule: 'invests-in', text: 'The team was led by Jane Okafor during the merger talks.', expect: [], not: ['INVESTS_IN'] },
  // the named members of a group of companies, and a listing that names some of those it counts
  {
    rule: 'listing',
    text: 'The Commerce Department added 80 companies to the Entity List, including Veltora and Brisk Microsystems.',
    expect: ['APPLIES_TO Entity List -> Veltora', 'APPLIES_TO Entity List -> Brisk Microsystems'],
  },
  {
    rule: 'headquartered-in',
    text: 'Chinese chipmakers, including Quanli and Sunmoor Semi, expanded capacity.',
    expect: ['HEADQUARTERED_IN Quanli -> China', 'HEADQUARTERED_IN Sunmoor Semi -> China'],
  },
  // a foundry builds, a designer designs; a memory standard has no one designer
  { rule: 'developed-by', text: "AMD's MI355X is built by TSMC on its N3 process.", expect: ['FABRICATED_BY AMD MI355X -> TSMC'], not: ['DESIGNED_BY AMD MI355X -> TSMC'] },
  { rule: 'relate', text: 'The B200 uses eight stacks of HBM3E from SK hynix.', expect: ['USES_MEMORY NVIDIA B200 -> HBM3E', 'FABRICATED_BY HBM3E -> SK hynix'], not: ['DESIGNED_BY HBM3E'] },
  // comparisons by a comparative; a maker in a reduced relative clause; an investment announced as a noun
  { rule: 'relate', text: 'The B300 is about twice as fast, and the H200 is far more powerful than the H20.', expect: ['COMPETES_WITH NVIDIA H200 -> NVIDIA H20'] },
  { rule: 'developed-by', text: 'The H20, the cut-down chip Nvidia quietly built for the Chinese market, sold out.', expect: ['DESIGNED_BY NVIDIA H20 -> NVIDIA'] },
  { rule: 'invests-in', text: 'Google has announced a further $2 billion investment in Anthropic.', expect: ['INVESTS_IN Google -> Anthropic'] },
  { rule: 'relate', text: 'Oracle backed Cohere, the Toronto-based developer of the Command models.', expect: ['INVESTS_IN Oracle -> Cohere'] },
  // people of an organisation, and a clause with its own pronoun subject, say nothing of the organisation
  { rule: 'relate', text: 'Only Oracle staff based in Japan may reach these systems.', expect: [], not: ['HEADQUARTERED_IN Oracle', 'LOCATED_IN Oracle'] },
  { rule: 'relate', text: 'If they are ever ordered to stop operations in Europe, we are committing that Microsoft will contest it.', expect: [], not: ['INVESTS_IN'] },
  // a group's members named after a rule it was put under; what the group does to another company says nothing of where that one is
  { rule: 'headquartered-in', text: '19 Chinese companies were added to the Entity List, including Quanli Semi and Sunmoor Microelectronics.', expect: ['HEADQUARTERED_IN Quanli Semi -> China'] },
  { rule: 'headquartered-in', text: "Chinese companies supplied Nvidia's rivals, including AMD.", expect: [], not: ['HEADQUARTERED_IN NVIDIA', 'HEADQUARTERED_IN AMD'] },
  // partners each described by role words, an owner's possessive skipped
  { rule: 'relate', text: 'Officials praised a partnership between Dutch chip-tool maker ASML and French AI startup Mistral AI.', expect: ['PARTNERS_WITH ASML -> Mistral AI'] },
  { rule: 'relate', text: "The deal between Microsoft and the UAE's G42 closed.", expect: ['PARTNERS_WITH Microsoft -> G42'], not: ['PARTNERS_WITH Microsoft -> United Arab Emirates'] },
  // a listing counts its parties and says where they are
  {
    rule: 'listing',
    text: 'The Commerce Department added 40 entities to the Entity List, including 30 in China and others in Iran and Pakistan.',
    expect: ['APPLIES_TO Entity List -> China', 'APPLIES_TO Entity List -> Iran', 'APPLIES_TO Entity List -> Pakistan'],
  },
  {
    rule: 'listing',
    text: 'BIS added 9 entities to the Entity List from Russia and Belarus.',
    expect: ['APPLIES_TO Entity List -> Russia', 'APPLIES_TO Entity List -> Belarus'],
    not: ['ENACTED_BY Entity List -> Russia'],
  },
  // a chip line named before its head noun; "will" is no relation word
  { rule: 'relate', text: "Nvidia's Halcyon GPUs will use HBM4 memory.", expect: ['DESIGNED_BY Halcyon -> NVIDIA', 'USES_MEMORY Halcyon -> HBM4'] },
  { rule: 'fabricated-by', text: 'The Orca chips are made by TSMC.', expect: ['FABRICATED_BY Orca -> TSMC'], not: ['FABRICATED_BY The Orca'] },
  { rule: 'relate', text: 'The AI chips were banned last year.', expect: [], not: ['DESIGNED_BY', 'FABRICATED_BY'] },
  // a rule named only by common words is named by its issuer
  {
    rule: 'enacted-by',
    text: 'The Bureau of Industry and Security released the interim final rule.',
    expect: ['ENACTED_BY Bureau of Industry and Security interim final rule -> Bureau of Industry and Security'],
  },
  // a department, then without an article one of its units
  { rule: 'subsidiary-of', text: 'Officials from the Department of Energy, Office of Science, approved the plan.', expect: ['SUBSIDIARY_OF Office of Science -> US Department of Energy'] },
  { rule: 'subsidiary-of', text: 'The Department of Commerce, Bureau of Industry and Security, and the Department of State met.', expect: [], not: ['SUBSIDIARY_OF'] },
  // a maker written right before its product as two names
  { rule: 'relate', text: 'Alibaba Qwen3 was released in April.', expect: ['DEVELOPED_BY Qwen3 -> Alibaba Group'] },
  // a public body named with its nation's name is at home there; a company so named is not read that way
  { rule: 'headquartered-in', text: 'The U.S. Commerce Department reviewed the licences on Tuesday.', expect: [], not: ['HEADQUARTERED_IN US Department of Commerce'] },
  { rule: 'headquartered-in', text: 'The European Commission reviewed the plan.', expect: [], not: ['HEADQUARTERED_IN European Commission -> European Union'] },
  // an instrument named with its nation's name or demonym is that nation's
  { rule: 'national-instrument', text: 'Sales fell after the US export controls took effect.', expect: ['ENACTED_BY US export controls on AI chips -> United States'] },
  { rule: 'national-instrument', text: 'Providers must follow the EU AI Act.', expect: ['ENACTED_BY EU AI Act -> European Union'] },
  { rule: 'national-instrument', text: 'Providers must follow the AI Act.', expect: [], not: ['ENACTED_BY'] },
  // a seat of government that acts stands for its government; where it is only a place, it is a place
  {
    rule: 'restriction',
    text: 'In May, Tokyo restricted Nvidia from selling its H20 chips to Russia.',
    expect: ['ENACTED_BY Japan export controls -> Japan', 'APPLIES_TO Japan export controls -> NVIDIA', 'APPLIES_TO Japan export controls -> NVIDIA H20', 'APPLIES_TO Japan export controls -> Russia'],
  },
  { rule: 'relate', text: 'Tokyo imposed the Foreign Exchange Act on chip tools.', expect: ['ENACTED_BY Foreign Exchange Act -> Japan'] },
  { rule: 'relate', text: 'The Foreign Exchange Act was debated in Tokyo last week.', expect: [], not: ['ENACTED_BY'] },
  { rule: 'restriction', text: 'Engineers from Beijing restricted access to the H20 lab.', expect: [], not: ['ENACTED_BY'] },
  // parties put on a list, named by names nobody listed, with their legal forms; "the list" is the one named before
  {
    rule: 'listing',
    text: 'Orvane Systems, Kelda Microelectronics Co., Ltd. and Brisk Data were added to the Entity List on Friday.',
    expect: ['APPLIES_TO Entity List -> Orvane Systems', 'APPLIES_TO Entity List -> Kelda Microelectronics Co., Ltd.', 'APPLIES_TO Entity List -> Brisk Data'],
  },
  {
    rule: 'listing',
    text: 'Twelve firms were added to the Entity List, including Orvane Systems and Brisk Data.',
    expect: ['APPLIES_TO Entity List -> Orvane Systems', 'APPLIES_TO Entity List -> Brisk Data'],
  },
  {
    rule: 'listing',
    text: 'The Commerce Department added Orvane Systems and Brisk Data to the Entity List.',
    expect: ['APPLIES_TO Entity List -> Orvane Systems', 'APPLIES_TO Entity List -> Brisk Data'],
  },
  {
    rule: 'listing',
    text: 'BIS added 80 firms to the Entity List on Tuesday. When Brisk Data itself was placed on the list in 2023, shares fell. Chinese firms Talon Industry Co and Marrow-KV Electronics are among the other companies added to the list.',
    expect: ['APPLIES_TO Entity List -> Brisk Data', 'APPLIES_TO Entity List -> Talon Industry Co', 'APPLIES_TO Entity List -> Marrow-KV Electronics'],
    not: ['APPLIES_TO Entity List -> When'],
  },
  // a lab competes with companies: a lab is a kind of organisation
  { rule: 'competitors', text: "The round strengthens Cohere's position against rivals like OpenAI and Google.", expect: ['COMPETES_WITH Cohere -> OpenAI', 'COMPETES_WITH Cohere -> Google'] },
  // what "its" owns, named in an appositive; examples and comparands are not what "its" stands for
  {
    rule: 'relate',
    text: "The money will bolster Cohere's lead over rivals like OpenAI and Google by improving its flagship language model, Command Vela.",
    expect: ['DEVELOPED_BY Command Vela -> Cohere'],
    not: ['DEVELOPED_BY Command Vela -> Google', 'DEVELOPED_BY Command Vela -> OpenAI'],
  },
  { rule: 'relate', text: 'Mistral AI said its new cloud platform, Mistral Compute, will open in 2026.', expect: ['OPERATED_BY Mistral Compute -> Mistral AI'] },
  { rule: 'relate', text: 'Meta said its partner, Scale AI, grew.', expect: [], not: ['SUBSIDIARY_OF', 'DEVELOPED_BY'] },
  // a head of government acts for the nation; one who praises a partnership between two others is no party to it
  { rule: 'relate', text: 'President Biden signed the Compute Safety Act into law in 2027.', expect: ['ENACTED_BY Compute Safety Act -> United States'] },
  {
    rule: 'relate',
    text: 'President Macron hailed a partnership between Mistral AI and Nvidia.',
    expect: ['PARTNERS_WITH Mistral AI -> NVIDIA'],
    not: ['PARTNERS_WITH France', 'PARTNERS_WITH Mistral AI -> France', 'PARTNERS_WITH NVIDIA -> France'],
  },
  // a deal named by its appositive and the parties it gives; a legal form after a name keeps the list together
  {
    rule: 'described-deal',
    text: 'Halcyon, the $20 billion joint venture between OpenAI, Oracle Corp., and SoftBank Group, opened its first site.',
    expect: ['PARTY_TO OpenAI -> Halcyon', 'PARTY_TO Oracle -> Halcyon', 'PARTY_TO SoftBank -> Halcyon'],
  },
  { rule: 'described-deal', text: 'Halcyon, the campus east of Abilene, opened.', expect: [], not: ['PARTY_TO'] },
  // a product written without its maker, beside the maker its full name or family gives; never another company
  { rule: 'relate', text: 'The U.S. will allow Nvidia to export its H200 chips to China.', expect: ['DESIGNED_BY NVIDIA H200 -> NVIDIA'] },
  { rule: 'relate', text: 'OpenAI released open models after the proprietary GPT-3 and GPT-4 series.', expect: ['DEVELOPED_BY GPT-3 -> OpenAI', 'DEVELOPED_BY GPT-4 -> OpenAI'] },
  { rule: 'relate', text: 'Huawei bought more H200 chips than Tencent.', expect: [], not: ['DESIGNED_BY NVIDIA H200 -> Huawei', 'DESIGNED_BY NVIDIA H200 -> Tencent'] },
  // a site hosts the accelerators in it; an organisation that hosts an event runs on nothing
  { rule: 'relate', text: 'The Lakeside campus will host 20,000 GB200 GPUs.', expect: ['RUNS_ON Lakeside -> NVIDIA GB200'] },
  { rule: 'relate', text: 'Nvidia will host developers at its H200 launch.', expect: [], not: ['RUNS_ON'] },
  // what a deal covers, said of the deal or of "the agreement" standing for the deal the text named before; a deal a rule made
  // from a description has no name of the text's own, and what "the agreement" says is not hung on it
  {
    rule: 'deal-covers',
    text: 'Halcyon, the joint venture between OpenAI and Oracle, opened. Under the agreement, OpenAI will access up to one million H100 chips.',
    expect: ['COVERS Halcyon -> NVIDIA H100'],
  },
  {
    rule: 'deal-covers',
    text: 'The Commission launched InvestAI, a flagship initiative. The initiative includes four AI gigafactories named Alpha Site and Beta Site.',
    expect: ['COVERS InvestAI -> Alpha Site'],
  },
  { rule: 'deal-covers', text: 'Acme Cloud signed a $5 billion deal with OpenAI. Under the agreement, OpenAI will access H100 chips.', expect: [], not: ['COVERS'] },
  {
    rule: 'deal-covers',
    text: 'Halcyon, the joint venture between OpenAI and Oracle, opened. The weather was poor. Shares fell. Markets closed. Under the agreement, Globex will use H100 chips.',
    expect: [],
    not: ['COVERS'],
  },
  // a lower-case "it" before what is said of a site stands for the site named last; said of a company, it is the company's own
  { rule: 'relate', text: 'Acme opened the Lakeside campus in May. At the time, it was powered by 10,000 H100 chips.', expect: ['RUNS_ON Lakeside -> NVIDIA H100'] },
  { rule: 'relate', text: 'Acme opened the Lakeside campus in May. Nvidia said it was powered by H100 chips.', expect: [], not: ['RUNS_ON'] },
  // a supplier reported to ship, or its delivery named as a noun
  { rule: 'partnership', text: 'Micron has reportedly shipped its first HBM3 samples to Huawei.', expect: ['PARTNERS_WITH Micron Technology -> Huawei'] },
  { rule: 'partnership', text: "SK hynix's first delivery of HBM4 samples to Nvidia is a milestone.", expect: ['PARTNERS_WITH SK hynix -> NVIDIA'] },
  { rule: 'partnership', text: 'SK hynix has reportedly been barred from shipping HBM4 samples to Huawei.', expect: [], not: ['PARTNERS_WITH'] },
  // an investment read around its word: reported, made as a noun, listed among others; never denied, never by a name inside a clause
  { rule: 'invests-in', text: 'Nvidia said it will invest $5 billion in Intel as part of a deal.', expect: ['INVESTS_IN NVIDIA -> Intel', 'PARTY_TO NVIDIA -> Nvidia-Intel $5B investment'] },
  { rule: 'invests-in', text: 'SoftBank also made a $2 billion investment with Intel in August.', expect: ['INVESTS_IN SoftBank -> Intel'] },
  { rule: 'invests-in', text: 'Nvidia has made several bets, including making a $5 billion investment in Intel.', expect: ['INVESTS_IN NVIDIA -> Intel'] },
  { rule: 'invests-in', text: 'Nvidia did not invest $5 billion in Intel.', expect: [], not: ['INVESTS_IN', 'PARTY_TO'] },
  { rule: 'invests-in', text: 'Intel, which Nvidia backs, will invest $3 billion in Anthropic.', expect: ['INVESTS_IN Intel -> Anthropic'], not: ['INVESTS_IN NVIDIA -> Anthropic'] },
  { rule: 'invests-in', text: 'Intel will invest $3 billion in Texas.', expect: [], not: ['PARTY_TO', 'INVESTS_IN'] },
  // an acquisition read around its word; never one that was stopped, abandoned or of goods
  { rule: 'acquisition', text: 'Nvidia said it would acquire Arm for $40 billion.', expect: ['PARTY_TO NVIDIA -> Nvidia-Arm $40B acquisition', 'PARTY_TO Arm -> Nvidia-Arm $40B acquisition'] },
  { rule: 'acquisition', text: 'Nvidia is facing an inquiry related to its acquisition of Mellanox.', expect: ['PARTY_TO Mellanox -> Nvidia-Mellanox acquisition'] },
  { rule: 'acquisition', text: 'The acquisition of Mellanox by Nvidia closed in 2020.', expect: ['PARTY_TO NVIDIA -> Nvidia-Mellanox acquisition'] },
  { rule: 'acquisition', text: 'Regulators blocked Nvidia from buying Arm.', expect: [], not: ['PARTY_TO'] },
  { rule: 'acquisition', text: 'Nvidia said it could acquire Arm.', expect: [], not: ['PARTY_TO'] },
  { rule: 'acquisition', text: 'Tencent said it would buy more H20 chips.', expect: [], not: ['PARTY_TO'] },
  // two participles sharing a preposition each state their relation
  { rule: 'relate', text: 'Gemini 3 is a multimodal model trained and served on TPU v5 pods.', expect: ['TRAINED_ON Gemini 3 -> TPU v5', 'RUNS_ON Gemini 3 -> TPU v5'] },
  { rule: 'relate', text: 'Gemini 3 was trained and then praised on benchmarks.', expect: [], not: ['TRAINED_ON', 'RUNS_ON'] },
  // keeping pace with, lagging behind: competitors; keeping up with demand from a customer is not
  { rule: 'competitors', text: 'Amazon has struggled to keep pace with Microsoft and Google in the AI race.', expect: ['COMPETES_WITH Amazon -> Microsoft', 'COMPETES_WITH Amazon -> Google'] },
  { rule: 'competitors', text: 'Mistral AI lags behind OpenAI and Anthropic.', expect: ['COMPETES_WITH Mistral AI -> OpenAI'] },
  { rule: 'competitors', text: 'Amazon kept up with demand from Microsoft.', expect: [], not: ['COMPETES_WITH'] },
  // added to something that is no list: no party, no name
  {
    rule: 'listing',
    text: 'Every cloud provider who adds Orvane-7 to their catalog gains users. Acme published a list of partners. Brisk Data was placed on the list.',
    expect: [],
    not: ['APPLIES_TO'],
  },
  // partners coordinated in pairs, never three or more each with each, nor the counterparties of one actor with each other
  { rule: 'relate', text: 'Intel and Nvidia formed a joint venture to build chips.', expect: ['PARTNERS_WITH Intel -> NVIDIA'] },
  { rule: 'relate', text: 'The campus is a joint venture between Halvard, Oracle and SoftBank.', expect: [], not: ['PARTNERS_WITH Halvard', 'PARTNERS_WITH Oracle'] },
  { rule: 'relate', text: 'The company has struck recent deals with Nvidia, AMD and Broadcom.', expect: [], not: ['PARTNERS_WITH NVIDIA', 'PARTNERS_WITH AMD'] },
  { rule: 'relate', text: 'The new fab, a collaborative effort between TSMC, Bosch and Infineon, opens in 2027.', expect: [], not: ['PARTNERS_WITH'] },
  // a whole line or generation is no product a maker made
  { rule: 'relate', text: 'The Blackwell chips outsold every Nvidia product last year.', expect: [], not: ['DESIGNED_BY NVIDIA Blackwell'] },
  // a partnership read around the word: its owner, two owners, work done jointly, a partner of another's, partners named as such
  { rule: 'partnership', text: 'Intel said its partnership with SoftBank would deepen.', expect: ['PARTNERS_WITH Intel -> SoftBank'] },
  { rule: 'partnership', text: "Microsoft and G42's alliance now covers research.", expect: ['PARTNERS_WITH Microsoft -> G42'] },
  { rule: 'partnership', text: 'The assistant was developed jointly by Deutsche Telekom and SAP.', expect: ['PARTNERS_WITH Deutsche Telekom -> SAP'] },
  { rule: 'partnership', text: "Micron has become Nvidia's key partner for memory.", expect: ['PARTNERS_WITH Micron Technology -> NVIDIA'] },
  {
    rule: 'partnership',
    text: 'Oracle will build the campus with partners SAP and Nscale.',
    expect: ['PARTNERS_WITH Oracle -> SAP', 'PARTNERS_WITH Oracle -> Nscale'],
    not: ['PARTNERS_WITH SAP -> Nscale'],
  },
  { rule: 'partnership', text: 'The cluster was built in partnership with Nvidia, Nebius said.', expect: ['PARTNERS_WITH Nebius -> NVIDIA'] },
  { rule: 'partnership', text: 'The company said its partnership with Japan would deepen.', expect: [], not: ['PARTNERS_WITH'] },
  // products a possessive owner lists; competitors named as a kind; what a company is, in a nation
  {
    rule: 'possessive',
    text: "Buyers get AMD's newest accelerators, including the MI325X and the MI350X.",
    expect: ['DESIGNED_BY AMD Instinct MI325X -> AMD', 'DESIGNED_BY AMD Instinct MI350X -> AMD'],
  },
  {
    rule: 'competitors',
    text: 'Scaleway hopes to rival those from other cloud providers such as AWS and Google Cloud.',
    expect: ['COMPETES_WITH Scaleway -> Amazon Web Services', 'COMPETES_WITH Scaleway -> Google Cloud'],
  },
  { rule: 'headquartered-in', text: 'Inspur is one of the largest server makers in China.', expect: ['HEADQUARTERED_IN Inspur -> China'] },
  { rule: 'headquartered-in', text: 'Nvidia is the biggest supplier of GPUs in China.', expect: [], not: ['HEADQUARTERED_IN NVIDIA'] },
  { rule: 'headquartered-in', text: 'Kioxia signed a deal with Core42, a young Emirati venture backed by Mubadala.', expect: ['HEADQUARTERED_IN Core42 -> United Arab Emirates'] },
  // a listing by a nation's government, a listed party with its affiliates; a model that fits on one chip
  {
    rule: 'listing',
    text: 'Last year the U.S. government added Inspur and its two subsidiaries to the Entity List.',
    expect: ['ENACTED_BY Entity List -> United States', 'APPLIES_TO Entity List -> Inspur'],
  },
  // a demonym before its government is the nation acting; before "government-funded" only a modifier
  {
    rule: 'listing',
    text: 'The Japanese government added Inspur to the Entity List.',
    expect: ['ENACTED_BY Entity List -> Japan', 'APPLIES_TO Entity List -> Inspur'],
    not: ['HEADQUARTERED_IN Inspur'],
  },
  { rule: 'relate', text: 'The Qwen3 model is small enough to operate on a single Nvidia H100 GPU.', expect: ['RUNS_ON Qwen3 -> NVIDIA H100'] },
  // an acquisition is named as other deals are, with its price
  { rule: 'acquisition', text: 'Orvel Labs bought Brightwell Optics for about $2.4 billion in 2021.', expect: ['PARTY_TO Orvel Labs -> Orvel Labs-Brightwell Optics $2.4B acquisition'] },
  // an agreement read from its clause: the verb that concludes it, its noun phrase, its sum and its counterparty
  {
    rule: 'deal-with',
    text: 'Lambda has secured a GPU leasing contract valued at up to $3 billion with Meta.',
    expect: ['PARTY_TO Lambda -> Lambda-Meta $3B contract', 'PARTY_TO Meta Platforms -> Lambda-Meta $3B contract'],
  },
  {
    rule: 'deal-with',
    text: 'Oracle inked an agreement worth about $9bn with the cloud infrastructure group Nebius.',
    expect: ['PARTY_TO Oracle -> Oracle-Nebius $9B agreement', 'PARTY_TO Nebius -> Oracle-Nebius $9B agreement'],
  },
  {
    rule: 'deal-with',
    text: 'Intel and Samsung penned a memorandum of understanding on packaging.',
    expect: ['PARTY_TO Intel -> Intel-Samsung memorandum of understanding', 'PARTY_TO Samsung Electronics -> Intel-Samsung memorandum of understanding'],
  },
  {
    rule: 'deal-with',
    text: 'Samsung and Groq have on Friday announced a three-year supply agreement.',
    expect: ['PARTY_TO Samsung Electronics -> Samsung-Groq agreement', 'PARTY_TO Groq -> Samsung-Groq agreement'],
  },
  { rule: 'deal-with', text: 'The ministry announced an export agreement between Micron and SK hynix.', expect: ['PARTY_TO Micron Technology -> Micron-SK hynix agreement'] },
  {
    rule: 'deal-with',
    text: 'SoftBank unveiled a broad alliance with Nvidia and Oracle to build an AI factory.',
    expect: ['PARTY_TO SoftBank -> SoftBank-Nvidia-Oracle alliance', 'PARTY_TO Oracle -> SoftBank-Nvidia-Oracle alliance'],
  },
  // a pair that signed agreements signed each its own; a denial or a condition is no agreement
  { rule: 'deal-with', text: 'AMD and Broadcom also secured agreements in June.', expect: [], not: ['PARTY_TO'] },
  { rule: 'deal-with', text: 'Cohere has not signed a contract with Oracle.', expect: [], not: ['PARTY_TO'] },
  { rule: 'deal-with', text: 'Cohere could sign a contract with Oracle next year.', expect: [], not: ['PARTY_TO'] },
  // a weekday is no party
  { rule: 'deal-with', text: 'Arm and Meta have on Tuesday signed a licensing deal.', expect: ['PARTY_TO Arm -> Arm-Meta deal'], not: ['PARTY_TO Tuesday'] },
  // a site described, not named: its builder runs it, its place says its nation
  {
    rule: 'described-site',
    text: "CoreWeave's new AI data center in Lancaster, Pennsylvania opens next year.",
    expect: ['OPERATED_BY CoreWeave Lancaster data center -> CoreWeave', 'LOCATED_IN CoreWeave Lancaster data center -> United States'],
  },
  {
    rule: 'described-site',
    text: 'Amazon plans to build a 2 GW campus near Ulm, Germany.',
    expect: ['OPERATED_BY Amazon Ulm campus -> Amazon', 'LOCATED_IN Amazon Ulm campus -> Germany'],
  },
  { rule: 'described-site', text: 'Meta will not build a data centre in Portugal.', expect: [], not: ['OPERATED_BY', 'LOCATED_IN'] },
  {
    rule: 'described-site',
    text: 'Oracle will serve the bank using a data center in Frankfurt.',
    expect: ['OPERATED_BY Oracle Frankfurt data center -> Oracle', 'LOCATED_IN Oracle Frankfurt data center -> Germany'],
  },
  {
    rule: 'described-site',
    text: 'The new cluster is housed in an Equinix data centre in Osaka.',
    expect: ['OPERATED_BY Equinix Osaka data centre -> Equinix', 'LOCATED_IN Equinix Osaka data centre -> Japan'],
  },
  { rule: 'described-site', text: 'Yotta already has a campus in Mumbai.', expect: ['LOCATED_IN Yotta Mumbai campus -> India'] },
  {
    rule: 'described-site',
    text: 'G42 will deploy 18,000 GB300 chips in its Abu Dhabi data centers.',
    expect: ['OPERATED_BY G42 Abu Dhabi data centers -> G42', 'LOCATED_IN G42 Abu Dhabi data centers -> United Arab Emirates'],
  },
  { rule: 'described-site', text: 'The firm praised its Chinese data centers.', expect: [], not: ['LOCATED_IN', 'OPERATED_BY'] },
  { rule: 'described-site', text: 'Amazon opened a data center in Nvidia territory.', expect: [], not: ['LOCATED_IN'] },
  // a name's abbreviation in brackets does not break a list
  {
    rule: 'relate',
    text: 'Korean memory makers Samsung Electronics (Samsung) and SK hynix raised prices.',
    expect: ['HEADQUARTERED_IN Samsung Electronics -> South Korea', 'HEADQUARTERED_IN SK hynix -> South Korea'],
  },
  // comparisons of performance relate products of one kind; a company surpassing another (in worth) is no such comparison
  { rule: 'competitors', text: 'The MI325X is about twice as fast as the H100 and more efficient than the B200.', expect: ['COMPETES_WITH AMD Instinct MI325X -> NVIDIA B200'] },
  { rule: 'competitors', text: 'Qwen3 scores at or above the level of the o3-mini model on maths.', expect: ['COMPETES_WITH Qwen3 -> o3-mini'] },
  { rule: 'competitors', text: "The Ascend 910B reaches about 70% of Nvidia's A100 performance in training.", expect: ['COMPETES_WITH Huawei Ascend 910B -> NVIDIA A100'] },
  { rule: 'competitors', text: 'Llama 4 is faster than the H100.', expect: [], not: ['COMPETES_WITH'] },
  // a sentence that opens on the backers of what the text was about, after a time phrase
  {
    rule: 'invests-in',
    text: 'In June 2025, Groq closed a new round. Investors include Samsung and Intel.',
    expect: ['INVESTS_IN Samsung Electronics -> Groq', 'INVESTS_IN Intel -> Groq'],
  },
  // a product the lexicon knows is its maker's, whatever an "its" or a possessive nearby seems to say; a commitment to buy is
  // no investment
  { rule: 'relate', text: 'Anthropic will rent Nvidia hardware to train its Claude models.', expect: [], not: ['DEVELOPED_BY Claude -> NVIDIA'] },
  { rule: 'relate', text: "Meta's compute plan covers Google's TPUs and Nvidia's GPUs.", expect: [], not: ['DESIGNED_BY Tensor Processing Units -> Meta'] },
  { rule: 'relate', text: 'Meta committed to buying $10 billion of cloud capacity from Oracle.', expect: [], not: ['INVESTS_IN Meta Platforms -> Oracle'] },
  // a site introduced among plural facilities, then placed through "the campus" and a part of its nation
  {
    rule: 'located-in',
    text: 'Telenor will build one of the largest compute facilities, dubbed Aurora North. The campus will be built in northern Sweden.',
    expect: ['LOCATED_IN Aurora North -> Sweden'],
  },
  // a company's own site named by its city is where the company works
  { rule: 'located-in', text: "Subsidies went to TSMC's Kumamoto fab and to Intel's Magdeburg plant.", expect: ['LOCATED_IN TSMC -> Japan', 'LOCATED_IN Intel -> Germany'] },
  { rule: 'located-in', text: 'Micron Technology will expand production at its new Kumamoto plant.', expect: ['LOCATED_IN Micron Technology -> Japan'] },
  { rule: 'located-in', text: "Nvidia's China revenue fell while Samsung's Japanese site closed.", expect: [], not: ['LOCATED_IN'] },
  // public money under a law, with the party funded as the subject
  { rule: 'regulated-parties', text: 'Micron received grants of $6.1 billion from the CHIPS and Science Act.', expect: ['APPLIES_TO CHIPS and Science Act -> Micron Technology'] },
  { rule: 'regulated-parties', text: 'Samsung was awarded a grant under the CHIPS Act last year.', expect: ['APPLIES_TO CHIPS and Science Act -> Samsung Electronics'] },
  { rule: 'regulated-parties', text: "Intel's new fab, largely funded by the CHIPS Act, is delayed.", expect: ['APPLIES_TO CHIPS and Science Act -> Intel'] },
  { rule: 'regulated-parties', text: 'Intel did not receive money from the CHIPS Act.', expect: [], not: ['APPLIES_TO'] },
  // a demonym and a kind before a listed pair set off by commas, and a capitalised word in the kind
  { rule: 'relate', text: 'Several Chinese AI start-ups, Moonshot AI and MiniMax, filed for listings.', expect: ['HEADQUARTERED_IN Moonshot AI -> China', 'HEADQUARTERED_IN MiniMax -> China'] },
  { rule: 'relate', text: 'Canadian Bitcoin miner Hut 8 signed a lease.', expect: [], not: ['HEADQUARTERED_IN Hut 8 -> United States'] },
  // a nickname that likens one company to another; a multiple of another product's performance; backers fronting a sentence
  { rule: 'competitors', text: 'Biren, often called "China\'s Nvidia", listed in Hong Kong.', expect: ['COMPETES_WITH Biren Technology -> NVIDIA'] },
  { rule: 'competitors', text: "The MI355X offers four times the FP8 throughput of Nvidia's H100.", expect: ['COMPETES_WITH AMD MI355X -> NVIDIA H100'] },
  {
    rule: 'invests-in',
    text: 'Mistral AI grew fast. Backed by investors such as Nvidia and Microsoft, the startup now employs 700 people.',
    expect: ['INVESTS_IN NVIDIA -> Mistral AI', 'INVESTS_IN Microsoft -> Mistral AI'],
  },
  // a site by its place before the head, by a link between head and place, and built by partners together
  {
    rule: 'described-site',
    text: "TPUs now run in volume at Google's Oklahoma data center.",
    expect: ['OPERATED_BY Google Oklahoma data center -> Google', 'LOCATED_IN Google Oklahoma data center -> United States'],
  },
  {
    rule: 'described-site',
    text: 'Oracle has a partnership with OpenAI to develop a large campus located in western Texas.',
    expect: ['LOCATED_IN Oracle-OpenAI Texas campus -> United States'],
    not: ['OPERATED_BY Oracle-OpenAI'],
  },
  {
    rule: 'competitors',
    text: 'Qwen3 shows comparable performance with bigger systems such as GPT-4o and DeepSeek-V3.',
    expect: ['COMPETES_WITH Qwen3 -> GPT-4o', 'COMPETES_WITH Qwen3 -> DeepSeek-V3'],
  },
  // funding rounds: the round's company and whoever took part, read around the round's noun
  {
    rule: 'funding-round',
    text: 'Robotics startup Orbitra Labs said on Monday it had raised $310 million in its newest funding round. The heavily oversubscribed round attracted money from Kestrel Partners, Dunmore Capital and Pell Ventures. Nvidia also participated.',
    expect: [
      'PARTY_TO Orbitra Labs -> Orbitra Labs $310M funding round',
      'INVESTS_IN Kestrel Partners -> Orbitra Labs',
      'INVESTS_IN Dunmore Capital -> Orbitra Labs',
      'INVESTS_IN Pell Ventures -> Orbitra Labs',
      'INVESTS_IN NVIDIA -> Orbitra Labs',
    ],
  },
  {
    rule: 'funding-round',
    text: 'Mistral AI unveiled a €600 million Series B led by General Catalyst, with participation from Nvidia.',
    expect: ['INVESTS_IN NVIDIA -> Mistral AI', 'PARTY_TO Mistral AI -> Mistral AI €600M Series B round', 'PARTY_TO NVIDIA -> Mistral AI €600M Series B round'],
  },
  // investors named after what kind of firm they are, a nation inside that description being none
  {
    rule: 'funding-round',
    text: 'Orbitra Labs raised $2 billion in a new funding round. The round, led by the Qatari state investment fund Qatar Investment Authority and the hedge fund Dunmore Capital, closed on Friday.',
    expect: ['INVESTS_IN Qatar Investment Authority -> Orbitra Labs', 'INVESTS_IN Dunmore Capital -> Orbitra Labs'],
    not: ['INVESTS_IN Qatar ->'],
  },
  // a company whose founding the text tells, investors named after their kind in the plural, and founders named by where they worked
  {
    rule: 'funding-round',
    text: 'Zentro, which was founded in 2022 by Google engineers, received most of the cash. The startup raised $500 million in a Series B round led by VC firms Kestrel Street and Orbit Capital LP.',
    expect: ['INVESTS_IN Kestrel Street -> Zentro', 'INVESTS_IN Orbit Capital LP -> Zentro'],
    not: ['INVESTS_IN Google ->', 'INVESTS_IN Kestrel Street -> Google'],
  },
  {
    rule: 'funding-round',
    text: 'Zentro AI bagged $40 million in a Series A round led by Orbit Capital.',
    expect: ['PARTY_TO Zentro AI -> Zentro AI $40M Series A round', 'INVESTS_IN Orbit Capital -> Zentro AI'],
  },
  // a sum with a decimal point stays in the raising verb's clause
  {
    rule: 'funding-round',
    text: 'Zentro AI raised $1.25 billion in a Series D round led by Orbit Capital.',
    expect: ['PARTY_TO Zentro AI -> Zentro AI $1.25B Series D round', 'PARTY_TO Orbit Capital -> Zentro AI $1.25B Series D round'],
  },
  { rule: 'invests-in', text: 'The Japanese government is backing Rapidus with ¥920 billion in subsidies.', expect: ['INVESTS_IN Japan -> Rapidus'] },
  { rule: 'invests-in', text: 'Nvidia funded CoreWeave with $100 million last year.', expect: ['INVESTS_IN NVIDIA -> CoreWeave'] },
  { rule: 'invests-in', text: 'Intel supported the plan with its engineers and Nvidia with advice.', expect: [], not: ['INVESTS_IN'] },
  { rule: 'invests-in', text: 'Arvomi was co-founded by Samsung and Intel in 2020.', expect: ['INVESTS_IN Samsung Electronics -> Arvomi', 'INVESTS_IN Intel -> Arvomi'] },
  {
    rule: 'partnership',
    text: 'Telecom giant SK Telecom leads one consortium, which includes chip startup Rebellions and game firm Valcor Studios.',
    expect: ['PARTNERS_WITH SK Telecom -> Rebellions', 'PARTNERS_WITH SK Telecom -> Valcor Studios'],
  },
  {
    rule: 'funding-round',
    text: "Cohere's earlier funding round was led by Oracle.",
    expect: ['INVESTS_IN Oracle -> Cohere'],
  },
  {
    rule: 'funding-round',
    text: 'The round was led by Harbor Management & Research Company, with participation from Mercer Lane Company.',
    expect: [],
    not: ['PARTY_TO'],
  },
  {
    rule: 'invests-in',
    text: 'Over a dozen rounds, Cohere has received investment from tech groups such as Oracle, Salesforce and Nvidia.',
    expect: ['INVESTS_IN Oracle -> Cohere', 'INVESTS_IN NVIDIA -> Cohere'],
  },
  {
    rule: 'invests-in',
    text: 'Google and Amazon have announced a joint investment of up to $6 billion in Anthropic.',
    expect: ['INVESTS_IN Google -> Anthropic', 'INVESTS_IN Amazon -> Anthropic'],
  },
  {
    rule: 'invests-in',
    text: 'Microsoft faces questions from regulators in Japan and Korea over its $10 billion investment in OpenAI.',
    expect: ['INVESTS_IN Microsoft -> OpenAI'],
    not: ['INVESTS_IN South Korea', 'PARTY_TO Japan', 'PARTY_TO South Korea'],
  },
  { rule: 'headquartered-in', text: 'Lumora, a Jakarta-based cloud startup, opened a second region.', expect: ['HEADQUARTERED_IN Lumora -> Indonesia'] },
  { rule: 'headquartered-in', text: 'Talvik, a Copenhagen-based chip designer, raised money.', expect: ['HEADQUARTERED_IN Talvik -> Denmark'] },
  { rule: 'relate', text: "Beijing's ban has lifted rivals such as Samsung and Kioxia.", expect: [], not: ['HEADQUARTERED_IN Samsung Electronics -> China', 'HEADQUARTERED_IN Kioxia'] },
  {
    rule: 'relate',
    text: 'The Lagos-founded cloud firm Tarn will deploy Nvidia software from the US company in Ghana, Kenya and Egypt.',
    expect: [],
    not: ['HEADQUARTERED_IN Tarn -> Ghana', 'HEADQUARTERED_IN Tarn -> Kenya'],
  },
  { rule: 'possessive', text: "Samsung makes Tesla's AI 5 chips in Texas.", expect: ['DESIGNED_BY AI 5 -> Tesla'] },
  { rule: 'fabricated-by', text: "Intel already produces Qualcomm's Snapdragon X2 chips in Arizona.", expect: ['FABRICATED_BY Snapdragon X2 -> Intel'] },
  {
    rule: 'partnership',
    text: 'Anthropic has been signing compute agreements with Google, Amazon and Microsoft.',
    expect: ['PARTNERS_WITH Anthropic -> Google', 'PARTNERS_WITH Anthropic -> Amazon', 'PARTNERS_WITH Anthropic -> Microsoft'],
    not: ['PARTNERS_WITH Google -> Amazon'],
  },
  {
    rule: 'possessive',
    text: 'The filing said the Commerce Department\'s latest "BIS Subsidiaries Rule" will weigh on sales.',
    expect: ['ENACTED_BY BIS Subsidiaries Rule -> US Department of Commerce'],
  },
  { rule: 'enacted-by', text: 'Thailand has announced new regulations requiring licences for GPU exports.', expect: ['ENACTED_BY Thailand regulations -> Thailand'] },
  {
    rule: 'described-site',
    text: "The racks will be installed at Crusoe's Odessa, Texas campus next year.",
    expect: ['OPERATED_BY Crusoe Odessa campus -> Crusoe', 'LOCATED_IN Crusoe Odessa campus -> United States'],
  },
  {
    rule: 'deal-with',
    text: 'Intel has struck an approximately $2 billion agreement to manufacture custom processors for Microsoft.',
    expect: ['PARTY_TO Intel -> Intel-Microsoft $2B agreement', 'PARTY_TO Microsoft -> Intel-Microsoft $2B agreement'],
  },
  {
    rule: 'deal-with',
    text: 'Meta signed a $14 billion capacity contract with AI-cloud provider CoreWeave.',
    expect: ['PARTY_TO CoreWeave -> Meta-CoreWeave $14B contract'],
  },
  {
    rule: 'enacted-by',
    text: 'On Monday, the Chilean government presented a US$1.2 billion compute plan to expand research.',
    expect: ['ENACTED_BY Chile US$1.2 billion compute plan -> Chile'],
    not: ['ENACTED_BY Chile US$1.2 billion compute plan -> United States', 'APPLIES_TO'],
  },
  {
    rule: 'partnership',
    text: 'According to Reuters, Nvidia has signed a partnership with Deutsche Telekom.',
    expect: ['PARTY_TO NVIDIA -> Nvidia-Deutsche Telekom partnership'],
    not: ['PARTNERS_WITH Reuters', 'PARTY_TO Reuters'],
  },
  { rule: 'headquartered-in', text: "Lumio is backed by Thailand's largest retail conglomerate, Siamvest.", expect: ['HEADQUARTERED_IN Siamvest -> Thailand'] },
  { rule: 'headquartered-in', text: 'Moonvale is a Shanghai startup building chips.', expect: ['HEADQUARTERED_IN Moonvale -> China'] },
  {
    rule: 'relate',
    text: 'Nvidia will collaborate closely with Samsung, SK Group, and cloud firms such as Naver and Kakao.',
    expect: ['PARTNERS_WITH NVIDIA -> NAVER', 'PARTNERS_WITH NVIDIA -> Kakao', 'PARTNERS_WITH NVIDIA -> Samsung Electronics'],
  },
  // a round of talks, tariffs or sanctions is no funding
  { rule: 'funding-round', text: 'Nvidia joined a new round of talks with Huawei.', expect: [], not: ['INVESTS_IN', 'PARTY_TO'] },
  { rule: 'funding-round', text: 'The latest round of export controls hit Huawei, and Nvidia also participated in the hearings.', expect: [], not: ['INVESTS_IN'] },
  // agreements: a joint venture formed by two actors with an appositive between them, a demonym government, separate agreements
  {
    rule: 'deal-with',
    text: 'Oracle and Cohere, a Toronto firm backed by a state pension fund, have formed a $3 billion joint venture to build compute in Canada.',
    expect: ['PARTY_TO Oracle -> Oracle-Cohere $3B joint venture', 'PARTY_TO Cohere -> Oracle-Cohere $3B joint venture'],
  },
  {
    rule: 'deal-with',
    text: 'Samsung has entered an agreement with the Indonesian government to open a chip design hub.',
    expect: ['PARTY_TO Samsung Electronics -> Samsung-Indonesia agreement', 'PARTY_TO Indonesia -> Samsung-Indonesia agreement'],
  },
  {
    rule: 'deal-with',
    text: 'Intel and Qualcomm struck separate agreements with G42 last week.',
    expect: ['PARTY_TO Intel -> Intel-G42 agreement', 'PARTY_TO Qualcomm -> Qualcomm-G42 agreement'],
    not: ['PARTY_TO Intel -> Intel-Qualcomm'],
  },
  // what a named regulation reaches, stated around it: barred under it, made to comply with it, the regulation acting
  {
    rule: 'regulation-reach',
    text: 'The A100 and H100 remain restricted in China due to U.S. export controls.',
    expect: ['APPLIES_TO US export controls on AI chips -> NVIDIA A100', 'APPLIES_TO US export controls on AI chips -> NVIDIA H100', 'APPLIES_TO US export controls on AI chips -> China'],
  },
  { rule: 'regulation-reach', text: 'Huawei was blacklisted under American sanctions in 2019.', expect: ['APPLIES_TO US sanctions -> Huawei'] },
  {
    rule: 'regulation-reach',
    text: 'Its H20, a chip built to comply with U.S. export controls, sold well at first.',
    expect: ['APPLIES_TO US export controls on AI chips -> NVIDIA H20'],
  },
  { rule: 'regulation-reach', text: 'The Entity List bars Huawei and SMIC from buying American tools.', expect: ['APPLIES_TO Entity List -> Huawei', 'APPLIES_TO Entity List -> SMIC'] },
  // a company's own rules, a bar with no regulation named, and a regulation that only "applies" reach nothing
  { rule: 'regulation-reach', text: 'Huawei restricted the Ascend 910B to approved customers under its own policy.', expect: [], not: ['APPLIES_TO'] },
  { rule: 'regulation-reach', text: 'The H20 was banned from sale in China last spring.', expect: [], not: ['APPLIES_TO'] },
  { rule: 'regulation-reach', text: 'The GDPR covers Meta and Google.', expect: [], not: ['APPLIES_TO'] },
  // suppliers named as the first to supply, or in a promise to supply; partners named as such
  { rule: 'partnership', text: 'SK hynix was the first to deliver HBM4 samples to Nvidia.', expect: ['PARTNERS_WITH SK hynix -> NVIDIA'] },
  {
    rule: 'partnership',
    text: "Micron and Samsung have signed letters of intent to supply memory for Anthropic's new clusters.",
    expect: ['PARTNERS_WITH Micron Technology -> Anthropic', 'PARTNERS_WITH Samsung Electronics -> Anthropic'],
    not: ['PARTNERS_WITH Micron Technology -> Samsung Electronics'],
  },
  { rule: 'partnership', text: 'On paper, Oracle and OpenAI are close collaborators.', expect: ['PARTNERS_WITH Oracle -> OpenAI'] },
  { rule: 'partnership', text: 'Oracle and OpenAI are not partners.', expect: [], not: ['PARTNERS_WITH'] },
  // a company setting up a site of its own in a place
  { rule: 'located-in', text: 'Groq is setting up a regional headquarters in Riyadh.', expect: ['LOCATED_IN Groq -> Saudi Arabia'] },
  { rule: 'located-in', text: 'SK Hynix will build an advanced packaging plant for AI memory in the United States.', expect: ['LOCATED_IN SK hynix -> United States'] },
  { rule: 'located-in', text: 'The government will build a data centre in Kenya.', expect: [], not: ['LOCATED_IN'] },
  // a counted group of a nation's companies, its members after a comma
  {
    rule: 'headquartered-in',
    text: 'Lawmakers cited three Chinese companies in particular, Zentrix Technology, Halvorn Micro and Quillon Circuits, for their links.',
    expect: ['HEADQUARTERED_IN Zentrix Technology -> China', 'HEADQUARTERED_IN Halvorn Micro -> China', 'HEADQUARTERED_IN Quillon Circuits -> China'],
  },
  // a company another set up, named after its description; a target bought in a relative clause
  { rule: 'subsidiary-of', text: 'Samsung will merge with Velora Chips, an AI chip company established by SK Telecom.', expect: ['SUBSIDIARY_OF Velora Chips -> SK Telecom'] },
  { rule: 'subsidiary-of', text: 'Mistral AI, a startup established by former Meta researchers, raised money.', expect: [], not: ['SUBSIDIARY_OF'] },
  { rule: 'acquisition', text: 'Sanmina will buy a plant from ZT Systems, the server maker that AMD acquired last year.', expect: ['SUBSIDIARY_OF ZT Systems -> AMD'] },
  // a manufacturer and the toolmaker whose tools it takes, named by what the tools are
  { rule: 'equipped-by', text: "TSMC has installed ASML's newest EUV scanners at its Arizona fab.", expect: ['EQUIPPED_BY TSMC -> ASML'] },
  { rule: 'equipped-by', text: 'SMIC buys etching tools from Applied Materials and Lam Research.', expect: ['EQUIPPED_BY SMIC -> Applied Materials', 'EQUIPPED_BY SMIC -> Lam Research'] },
  { rule: 'equipped-by', text: 'Samsung postponed deliveries of ASML equipment for its Taylor plant.', expect: ['EQUIPPED_BY Samsung Electronics -> ASML'] },
  { rule: 'equipped-by', text: 'Microsoft bought Nvidia systems for its data centers.', expect: [], not: ['EQUIPPED_BY', 'SUBSIDIARY_OF', 'PARTY_TO'] },
  { rule: 'acquisition', text: 'Meta said it would buy Nvidia chips worth billions.', expect: [], not: ['PARTY_TO', 'SUBSIDIARY_OF'] },
  // a nation's own regime named with its possessive and modifiers; a nation's answer to a regime is none of its own
  { rule: 'national-regime', text: "Japan's tighter export controls on Huawei took effect.", expect: ['ENACTED_BY Japan export controls -> Japan', 'APPLIES_TO Japan export controls -> Huawei'] },
  { rule: 'national-regime', text: "China's response to export controls was swift.", expect: [], not: ['ENACTED_BY'] },
  // a place home to companies; a home written before a long description with its acronym
  { rule: 'headquartered-in', text: 'Taiwan, home to TSMC and Foxconn, tightened its rules.', expect: ['HEADQUARTERED_IN TSMC -> Taiwan', 'HEADQUARTERED_IN Foxconn -> Taiwan'] },
  { rule: 'headquartered-in', text: "Shenzhen is also home to Huawei's rival, ZTE.", expect: ['HEADQUARTERED_IN ZTE -> China'], not: ['HEADQUARTERED_IN Huawei'] },
  { rule: 'headquartered-in', text: 'The UAE is home to the largest AI campus outside America.', expect: [], not: ['HEADQUARTERED_IN'] },
  {
    rule: 'headquartered-in',
    text: 'Samsung will invest in US-based generative artificial intelligence (GenAI) startup Anthropic.',
    expect: ['HEADQUARTERED_IN Anthropic -> United States'],
  },
  // what a company is, as an aside, in or from a nation; a supplier "in" a nation serves its market
  { rule: 'headquartered-in', text: 'Tavrix, the largest chipmaker in China, will double its output.', expect: ['HEADQUARTERED_IN Tavrix -> China'] },
  { rule: 'headquartered-in', text: 'Orbitra and G42, a fast-growing AI firm from the UAE, will build the campus.', expect: ['HEADQUARTERED_IN G42 -> United Arab Emirates'] },
  { rule: 'headquartered-in', text: 'Nvidia, the biggest GPU supplier in China, reported higher sales.', expect: [], not: ['HEADQUARTERED_IN NVIDIA -> China'] },
  { rule: 'headquartered-in', text: 'The Seoul-based company and Nvidia signed a deal.', expect: [], not: ['HEADQUARTERED_IN NVIDIA'] },
  // a participle's aside between a company and its verb names someone in passing, not the one acting
  {
    rule: 'funding-round',
    text: 'Zelvane, founded in 2021 by former MediaTek engineers, raised $240 million in a Series C round led by Temasek.',
    expect: ['INVESTS_IN Temasek -> Zelvane', 'PARTY_TO Zelvane -> Zelvane $240M Series C round'],
    not: ['INVESTS_IN Temasek -> MediaTek', 'PARTY_TO MediaTek'],
  },
  {
    rule: 'funding-round',
    text: 'Zelvane Labs, backed by Samsung, raised $50 million in a Series A round.',
    expect: ['PARTY_TO Zelvane Labs -> Zelvane Labs $50M Series A round'],
    not: ['PARTY_TO Samsung'],
  },
  // a public body sets a market's rules and competes in none: the rivals named after it are someone else's
  {
    rule: 'competitors',
    text: 'The U.S. Commerce Department tightened rules on chip sales to China, and rivals such as Nvidia and AMD raced to respond.',
    expect: [],
    not: ['COMPETES_WITH US Department of Commerce'],
  },
  // memory is made by the memory maker that supplies it; a memory maker supplying anything else makes none of it
  { rule: 'relate', text: 'The new accelerator pairs its processor with HBM3E memory supplied by SK hynix.', expect: ['FABRICATED_BY HBM3E -> SK hynix'] },
  { rule: 'relate', text: 'The Nvidia B300 uses HBM3E stacks from Micron.', expect: ['FABRICATED_BY HBM3E -> Micron Technology', 'USES_MEMORY NVIDIA B300 -> HBM3E'] },
  { rule: 'relate', text: 'Samsung began shipping HBM4 samples to customers in March.', expect: ['FABRICATED_BY HBM4 -> Samsung Electronics'] },
  { rule: 'relate', text: 'The H100 GPUs supplied by Samsung arrived late.', expect: [], not: ['FABRICATED_BY NVIDIA H100'] },
  // a company named outright after its owner's possessive is the owner's; a name used as a modifier of a stake or a deal is not
  { rule: 'relate', text: "BlackRock's Global Infrastructure Partners agreed to buy the operator.", expect: ['SUBSIDIARY_OF Global Infrastructure Partners -> BlackRock'] },
  {
    rule: 'relate',
    text: "The campus will be built with Tata Group's Tata Communications and Bharti Airtel.",
    expect: ['SUBSIDIARY_OF Tata Communications -> Tata Group'],
    not: ['SUBSIDIARY_OF Bharti Airtel'],
  },
  {
    rule: 'relate',
    text: "Temasek and BlackRock's Global Infrastructure Partners will buy the operator.",
    expect: ['SUBSIDIARY_OF Global Infrastructure Partners -> BlackRock'],
    not: ['SUBSIDIARY_OF Global Infrastructure Partners -> Temasek'],
  },
  { rule: 'relate', text: "Microsoft's OpenAI stake is worth billions.", expect: [], not: ['SUBSIDIARY_OF'] },
  { rule: 'relate', text: "SoftBank's Arm stake rose in value.", expect: [], not: ['SUBSIDIARY_OF'] },
  // a maker's name serves the siblings joined to its product, and a bare code of the same shape is a sibling of the line
  { rule: 'relate', text: 'He exported Nvidia H100 and H200 GPUs to China.', expect: ['DESIGNED_BY NVIDIA H100 -> NVIDIA', 'DESIGNED_BY NVIDIA H200 -> NVIDIA'] },
  { rule: 'relate', text: 'Nvidia H100 and Ascend 910B chips were compared.', expect: ['DESIGNED_BY NVIDIA H100 -> NVIDIA'], not: ['DESIGNED_BY Huawei Ascend 910B -> NVIDIA'] },
  { rule: 'relate', text: 'Cambricon will ship 80,000 of its Siyuan 590 and 690 accelerators.', expect: ['DESIGNED_BY Cambricon Siyuan 690 -> Cambricon'] },
  { rule: 'relate', text: 'Nvidia sold 500 H100 and 2026 units.', expect: [], not: ['DESIGNED_BY NVIDIA 2026', 'DESIGNED_BY 2026'] },
  // two parties that announce an agreement together are partners, however the agreement is described, and it is one deal
  {
    rule: 'partnership',
    text: 'Zorvex Systems and Mistral AI jointly announced a 2-gigawatt partnership.',
    expect: ['PARTNERS_WITH Zorvex Systems -> Mistral AI', 'PARTY_TO Mistral AI -> Zorvex Systems-Mistral AI partnership'],
    not: ['PARTY_TO Mistral AI -> Zorvex Systems-Mistral AI 2-gigawatt partnership'],
  },
  // a deal struck with a counterparty described by its kind, its sum with a decimal point
  {
    rule: 'partnership',
    text: 'Oracle reportedly struck a deal worth up to $2.5 billion with Dutch cloud specialist Nebius Group.',
    expect: ['PARTNERS_WITH Oracle -> Nebius', 'PARTY_TO Oracle -> Oracle-Nebius Group $2.5B deal'],
  },
  // a rival described by its kind; a memory maker supplying a customer with memory makes it, a reseller makes nothing
  {
    rule: 'competitors',
    text: 'Cambricon showed its Siyuan plans to investors, hoping one day to compete with chipmaking behemoth Nvidia.',
    expect: ['COMPETES_WITH Cambricon -> NVIDIA'],
  },
  { rule: 'fabricated-by', text: 'Micron has been supplying AMD with its HBM3E stacks since last year.', expect: ['FABRICATED_BY HBM3E -> Micron Technology'] },
  { rule: 'fabricated-by', text: 'Dell has been supplying xAI with Nvidia H100 chips.', expect: [], not: ['FABRICATED_BY'] },
  // a line's member named by its generation, as the graph spells it
  {
    rule: 'competitors',
    text: "The Orion X2 beats Amazon's third-generation Trainium on price.",
    expect: ['DESIGNED_BY AWS Trainium3 -> Amazon'],
    not: ['DESIGNED_BY AWS Trainium (model unspecified)'],
  },
  // a facility where something is made for a company is not the company's own site
  { rule: 'relate', text: 'Foxconn will assemble the servers for Apple at a new facility in Texas.', expect: [], not: ['LOCATED_IN Apple'] },
  { rule: 'relate', text: 'Tesla has plants in Germany and China.', expect: ['LOCATED_IN Tesla -> Germany'] },
  // a nation's possessive before its own fund names the investor, not the nation; an appositive still open hides its names as actors
  {
    rule: 'invests-in',
    text: "Zelvane Labs, a startup funded by Saudi Arabia's Public Investment Fund, is expanding its collaboration with Nvidia.",
    expect: ['INVESTS_IN Public Investment Fund -> Zelvane Labs', 'PARTNERS_WITH Zelvane Labs -> NVIDIA'],
    not: ['INVESTS_IN Saudi Arabia', 'PARTNERS_WITH Public Investment Fund'],
  },
  // one of a nation's companies named beside the others
  { rule: 'headquartered-in', text: 'Oracle, alongside other U.S. cloud providers, will spend more on AI next year.', expect: ['HEADQUARTERED_IN Oracle -> United States'] },
  { rule: 'headquartered-in', text: 'Nvidia sells to Alibaba and other customers in China.', expect: [], not: ['HEADQUARTERED_IN Alibaba Group -> China', 'HEADQUARTERED_IN NVIDIA'] },
  // a second verb of the sentence's actor states what the actor does; reference marks are no words of a relation
  {
    rule: 'relate',
    text: 'Mistral AI is also building custom silicon with Broadcom [4] and works with Google and Amazon on cloud capacity [5].',
    expect: ['PARTNERS_WITH Mistral AI -> Google', 'PARTNERS_WITH Mistral AI -> Amazon'],
    not: ['PARTNERS_WITH Broadcom'],
  },
  // a site that utilises chips runs on them
  { rule: 'relate', text: 'The Colossus supercomputer utilises 20,000 Nvidia H100 GPUs.', expect: ['RUNS_ON xAI Colossus -> NVIDIA H100'] },
  // a sum in the press's abbreviations
  { rule: 'invests-in', text: 'Amazon invests $4 bln in Anthropic.', expect: ['PARTY_TO Amazon -> Amazon-Anthropic $4B investment'] },
  // a processor is no memory: a system "featuring" GPUs is built of them
  { rule: 'relate', text: 'The cluster pairs 500 Nvidia DGX B200 systems featuring 4,000 Blackwell GPUs.', expect: [], not: ['USES_MEMORY'] },
  // a role noun between two names describes the one after it
  { rule: 'competitors', text: 'Zhipu AI pitched its GPT-4 competitor GLM-4 to banks.', expect: ['COMPETES_WITH GLM-4 -> GPT-4'], not: ['COMPETES_WITH GPT-4 -> GLM-4'] },
  { rule: 'competitors', text: 'GLM-4 is a competitor of GPT-4.', expect: ['COMPETES_WITH GLM-4 -> GPT-4'], not: ['COMPETES_WITH GPT-4 -> GLM-4'] },
  // a region of the world is no cloud region
  { rule: 'relate', text: 'Malaysia has drawn investment from Microsoft and Google across Southeast Asia.', expect: [], not: ['LOCATED_IN Azure'] },
  // a nation's companies named as counterparts or peers of others
  {
    rule: 'relate',
    text: 'Korean investors joined U.S. counterparts Google, Amazon and Microsoft in Thailand.',
    expect: ['HEADQUARTERED_IN Microsoft -> United States', 'HEADQUARTERED_IN Amazon -> United States', 'HEADQUARTERED_IN Google -> United States'],
  },
];

describe('relation rules on unseen phrasings', () => {
  it.each(TABLE.map((r) => [`${r.rule}: ${r.text}`, r] as const))('%s', (_, row) => {
    const got = facts(row.text);
    for (const e of row.expect) expect(got).toContain(e);
    for (const n of row.not ?? []) expect(got.some((g) => g.startsWith(n))).toBe(false);
  });
});

describe('entity shapes', () => {
  it.each([
    ['The rule imposes a license requirement on exports of the AMD MI308 to China.', 'AMD Instinct MI308X'],
    ['The model runs on FuriosaAI RNGD accelerators.', 'FuriosaAI RNGD'],
    ['Zelvane began shipping its Orion X2 AI accelerator to cloud customers.', 'Orion X2'],
    ['The TPU v5 and v6 generations train Gemini.', 'TPU v5'],
    ['We introduce EXAONE-4.0-32B, the mid-size model of the EXAONE 4.0 series.', 'EXAONE 4.0'],
    ['Noor-8B-Instruct was fine-tuned on 64 NVIDIA H100 GPUs.', 'Noor-8B-Instruct'],
    // a particle of another language inside a company's name
    ['The park will run on power from renewable energy provider Casa dos Ventos.', 'Casa dos Ventos'],
    // a card written in Chinese says "model" in Chinese
    ['我们开源了 Qwen3-8B-Chat 模型。', 'Qwen3-8B-Chat'],
    // a lower-case tier joined to a known family by a hyphen; a name introduced by "called" typed by its own last word
    ['Developers can call Qwen-plus through a hosted API.', 'Qwen-plus'],
    ['The project, called the “Orbis AI Cloud,” will use 1,000 Nvidia B200 systems.', 'Orbis AI Cloud'],
    // a version opened by a letter inside a release's name, and a release named with its size though nothing relates it
    ['We have released our Vexa-T1-32B-Preview model and its training data.', 'Vexa-T1-32B-Preview'],
    ['The lab compared its model with Orrin-13B-Chat on reasoning tasks.', 'Orrin-13B-Chat'],
    ['Llama-3.1-Nemotron-70B-Instruct is a large language model.', 'Llama-3.1-Nemotron-70B-Instruct'],
    ['DeepSeek-R1-Distill-Qwen-32B is distilled from DeepSeek-R1.', 'DeepSeek-R1-Distill-Qwen-32B'],
    // a size after the version in prose is part of the name; a brand opening in lower case keeps its shape
    ['The Llama 3.1 70B Instruct model scored lower than ours.', 'Llama 3.1 70B Instruct'],
    ['Our Qwen2.5 7B Instruct checkpoint is smaller.', 'Qwen2.5 7B Instruct'],
    ['Our vTern-2-70b model scored higher.', 'vTern-2-70b'],
    // a release's short marks after its size stay in its name; an adjective after the size does not
    ['The Corvid-2-70b-fc-r model outperforms Heron-7B-Instruct.', 'Corvid-2-70b-fc-r'],
    ['The Kestrel-3-8b-in-house model outperforms Heron-7B-Instruct.', 'Kestrel-3-8b'],
    ['The Abu Dhabi Department of Government Enablement uses the assistant.', 'Abu Dhabi Department of Government Enablement'],
    ["The UAE's National Strategy for Artificial Intelligence 2031 targets leadership.", 'National Strategy for Artificial Intelligence 2031'],
    ['In 2024, the Center for a New American Security tracked 40 projects.', 'Center for a New American Security'],
    // a statute's subject runs over small words
    [
      'Lawmakers passed the Framework Act on Robotics Development and Establishment of a Foundation for Safety (Robotics Framework Act).',
      'Framework Act on Robotics Development and Establishment of a Foundation for Safety',
    ],
    ["Japan's National Institute of Advanced Industrial Science and Technology is deploying ABCI 3.0.", 'National Institute of Advanced Industrial Science and Technology'],
    // organisations nobody listed, as the subjects of what companies do, alone or coordinated
    ['Verdanta Systems is building a sovereign cloud in Lisbon.', 'Verdanta Systems'],
    ['Quorix and Nvidia announced a joint AI factory.', 'Quorix'],
    ['Halvard, Ostrana and Mistral AI have partnered on a new model.', 'Ostrana'],
    // a place's "-based" before a weak suffix is no name: the name is the one after the description
    ['Nvidia partnered with Paris-based AI startup Mistral AI.', 'Mistral AI'],
    // names a nation's kind of company or a backer introduces
    ['Regulators restricted sales to Chinese chip firms Tavrix and SiLumen, without permission.', 'SiLumen'],
    ['British startup Nscale will build the site.', 'Nscale'],
    ['Nvidia-backed AI developer Quorvane is working with CoreWeave.', 'Quorvane'],
    // names given as examples of a kind
    ['European carmakers such as Veltro, Aurex and Norrin need the chips.', 'Aurex'],
    ['Chinese chip designers like Kestrel Micro and Tarvos Semiconductor raised money.', 'Kestrel Micro'],
    ['Rivals include startups, notably Brimwell and Quanta Forge.', 'Quanta Forge'],
    // the lexicon's companies, clouds and chips of the wider supply chain
    ['Supermicro and Inspur ship most of the servers.', 'Super Micro Computer'],
    ['Infineon and STMicroelectronics make power chips for data centres.', 'STMicroelectronics'],
    ['The fund was led by Andreessen Horowitz.', 'Andreessen Horowitz'],
    ['Nebius rents out clusters of Nvidia L40S GPUs.', 'NVIDIA L40S'],
    // a bill by its number where the sentence speaks of lawmaking; a statute's title with an agency's name inside it
    ['The governor signed AB 1018 into law on Friday.', 'AB 1018'],
    ['The House passed H.R. 5120 by a wide margin.', 'H.R. 5120'],
    ['Regulators relied on the Federal Trade Commission Act.', 'Federal Trade Commission Act'],
    ['Senators rewrote the Big Compute Fairness Bill in May.', 'Big Compute Fairness Bill'],
  ])('%s', (text, name) => expect(mentionNames(text)).toContain(name));

  it('shows an organisation its form or its context makes one, even when nothing else is said of it', () => {
    // a brand's shape that opens in lower case or digits, or holds a colon, is a name in a group's list
    expect(entityNames('Chip startups such as x-Vantor, Pellucid and Etched raised money.')).toEqual(expect.arrayContaining(['x-Vantor', 'Pellucid']));
    expect(entityNames('Cloud firms such as 42Nimbus and Kestrel Cloud grew.')).toContain('42Nimbus');
    expect(entityNames('Chip startups such as Trace:ml and Pellucid raised money.')).toContain('Trace:ml');
    // never a lower-case word, a unit or a number
    expect(entityNames('Chip startups such as these and Pellucid raised money.')).not.toContain('these');
    // public institutions by their form
    expect(entityNames('Regulators asked the Ministry of Digital Affairs to act.')).toContain('Ministry of Digital Affairs');
    expect(entityNames('The government designated the National Cybersecurity Agency as an authority.')).toContain('National Cybersecurity Agency');
    expect(entityNames('The Department for Trade, Energy & Industry said so.')).toContain('Department for Trade, Energy & Industry');
    expect(entityNames('Members of the Economy Ministry spoke on Monday.')).toContain('Economy Ministry');
    expect(entityNames('Members of the Economy Ministry spoke on Monday.')).not.toContain('Members of the Economy Ministry');
    // never a fragment, a trade or a pronoun's office
    expect(entityNames('[Issuing Unit] National Security and Control Bureau')).not.toContain('Control Bureau');
    // "and" inside one body's subjects, and a committee by its form
    expect(entityNames('[Issuing Unit] National Security and Control Bureau')).toContain('National Security and Control Bureau');
    expect(entityNames('The plan goes to the Northern Trade and Fisheries Committee for review.')).toContain('Northern Trade and Fisheries Committee');
    expect(entityNames('The Committee of the Provinces gave its opinion.')).toContain('Committee of the Provinces');
    expect(entityNames('Nvidia and Microsoft Research agreed on terms.')).not.toContain('Nvidia and Microsoft Research');
    expect(entityNames('Foundries and Outsourced Semiconductor Assembly and Test companies comply.')).not.toContain('Outsourced Semiconductor Assembly');
    expect(entityNames('My Administration has started a golden age.')).not.toContain('My Administration');
    // a region alone is a place; a cloud's region says so ("cloud region")
    expect(entityNames('Orbitra will build the campus in Kestrelia, a region rich in hydropower.')).not.toContain('Kestrelia');
    // the short name in brackets after a statute's title is one of its names
    const act = records('The National Assembly passed the Framework Act on Robotics Development and Establishment of a Foundation for Safety (Robotics Framework Act).').find(
      (r) => r.kind === 'entity' && r.name.startsWith('Framework Act on Robotics'),
    );
    expect(act?.kind === 'entity' && act.aliases).toContain('Robotics Framework Act');
    // a news agency reports the story and is no party to it
    expect(entityNames('"The rule hurts us," an official told the Freedonia News Agency.')).not.toContain('Freedonia News Agency');
    expect(entityNames('The Gulf Press Agency (GPA) called it a landmark deal.')).not.toContain('Gulf Press Agency');
    // an office is a unit named in contacts, not an actor; a body named with its nation keeps its name
    expect(entityNames('Contact the Office of Congressional and Public Affairs.')).not.toContain('Office of Congressional and Public Affairs');
    expect(entityNames('The U.S. Justice Department clarified the rule.')).toContain('U.S. Justice Department');
    // a known name written with "&" for "and"
    expect(entityNames('The Bureau of Industry & Security issued the rule.')).toContain('Bureau of Industry and Security');
    // a chip named after its head noun as a code, and a name "called the …"
    expect(entityNames('Zorblax began mass production of its AI chip QX9 this year.')).toContain('QX9');
    expect(entityNames('The startup will ship an accelerator called the Zorblax One.')).toContain('Zorblax One');
    expect(entityNames('The chip Nvidia designs is fast.')).not.toContain('Nvidia designs');
    // a company named right after its role noun, counted groups and kinds of firm before their members, colleges,
    // governments and chambers by their form; never a discourse word
    expect(entityNames('The consortium includes video game firm Tavrix.')).toContain('Tavrix');
    expect(entityNames('Bpifrance invested in quantum computing startup Alice & Bob.')).toContain('Alice & Bob');
    expect(entityNames('India approved four AI startups, Zorblax AI, Quantive and Brightline, to build models.')).toContain('Quantive');
    expect(entityNames('The round was led by VC firms Jane Street and Quantive Capital LP.')).toContain('Jane Street');
    expect(entityNames('It will collaborate with Ivy Tech Community College on training.')).toContain('Ivy Tech Community College');
    expect(entityNames('The Government of Canada said it would help.')).toContain('Government of Canada');
    expect(entityNames('The bill was adopted by the House of Representatives in April.')).toContain('House of Representatives');
    expect(entityNames('Accordingly, the company will raise prices.')).not.toContain('Accordingly');
    // a possessive owner, a backer or an officer's title before a firm's name is no part of it; digits may open a word
    expect(entityNames("The deal is with South Korea's Tavrix Co. Ltd for packaging.")).not.toContain("South Korea's Tavrix Co");
    expect(entityNames('Jack Ma-backed Zorblax Group used domestic chips.')).toContain('Zorblax Group');
    expect(entityNames('said Peter, CEO of Zorblax Technologies, on Monday.')).toContain('Zorblax Technologies');
    expect(entityNames('3D Glass Solutions Inc. will invest in Odisha.')).toContain('3D Glass Solutions Inc');
    // members of a group of companies named as such, and where people work
    expect(entityNames('Thousands of enterprises, including Zorblax and Quantive Systems, rely on Claude.')).toContain('Zorblax');
    expect(entityNames('Sector regulators like the Bank of Veltria and Consob keep their powers.')).toContain('Bank of Veltria');
    expect(entityNames('Early partners include Tavrix Robots, which install racks.')).toContain('Tavrix Robots');
    expect(entityNames('Early partners include Tavrix Robots, which install racks.')).not.toContain('Early');
    expect(entityNames('The fund has backed companies including AI-driven analytics firms.')).not.toContain('AI-driven');
    expect(entityNames('Ryu, a senior analyst at Brightwater Securities, called it big.')).toContain('Brightwater Securities');
    expect(entityNames('Tareq Amin, formerly CEO of Zorblax Digital, leads it.')).toContain('Zorblax Digital');
  });

  it('an appositive with "the" names only an agreement, and never a discourse word or a place after a preposition', () => {
    expect(entityNames('Halcyon, the joint venture between OpenAI and Oracle, opened.')).toContain('Halcyon');
    expect(mentionNames('Overall, the joint venture between OpenAI and Oracle grew.')).not.toContain('Overall');
    // a technical term defined with an acronym is no organisation
    expect(mentionNames('The model uses a Mixture of Experts (MoE) design.')).not.toContain('Mixture of Experts');
    // one file of a model's weights is no model, nor a link's relative path a repository
    const files = mentionNames('| [Qwen3-8B-Q4_K_M.gguf](https://huggingface.co/acme/Qwen3-8B-GGUF) | Q4_K_M | 5 GB | [Qwen3-8B-bf16.gguf](x) |');
    expect(files.some((n) => /Q4|bf16/.test(n))).toBe(false);
    expect(mentionNames('See [Serving with vLLM](serving/qwen3.5) for details.')).not.toContain('serving/qwen3.5');
    expect(mentionNames('The site lies east of Brandon, the partnership said.')).not.toContain('Brandon');
  });

  it('a name in quotation marks loses the punctuation set inside them', () => {
    expect(entityNames('The new cluster, dubbed "Atlas," will open in Texas next year.')).toContain('Atlas');
    expect(entityNames('This plan, dubbed "digital independence," seeks to cut imports.')).not.toContain('digital independence,');
  });

  it('a weekday after an instrument is no part of its name', () => {
    const names = entityNames('The Dutch government announced new export control regulations on Friday, widening curbs on ASML.');
    expect(names.some((n) => /Friday/.test(n))).toBe(false);
  });

  it('an instrument named by its number is a regulation wherever it stands; a numbered order of no issuer is not', () => {
    const names = entityNames(
      'The agency cited Executive Order 14123, E.O. 14001 and Proclamation 10512. Freedonia published MOFCOM Announcement No. 12 of 2024 and Public Law 118-20. In Order No. 5 the judge agreed.',
    );
    for (const n of ['Executive Order 14123', 'E.O. 14001', 'Proclamation 10512', 'MOFCOM Announcement No. 12 of 2024', 'Public Law 118-20']) expect(names).toContain(n);
    expect(names.some((n) => /^Order No/.test(n))).toBe(false);
  });

  it("a memory size after a known chip's name is written as one name with it", () => {
    const rs = extract('The cluster pairs MI300X 192GB accelerators with fast storage.', { source: 'test.txt', gazetteer: Gazetteer.build(loadSeeds().entities) });
    const chip = rs.find((r) => r.kind === 'entity' && r.type === 'Chip');
    expect(chip?.kind === 'entity' && chip.aliases).toContain('MI300X 192GB');
  });

  it('a known statute written with its nation after it keeps that writing as one of its names', () => {
    const seeded = Gazetteer.build(loadSeeds().entities);
    const rs = extract("Under the Data Security Law of the People's Republic of China, processors must file reports.", { source: 'test.txt', gazetteer: seeded });
    const law = rs.find((r) => r.kind === 'entity' && r.type === 'Regulation');
    expect(law?.kind === 'entity' && law.name).toBe('China Data Security Law');
    expect(law?.kind === 'entity' && law.aliases).toContain("Data Security Law of the People's Republic of China");
  });

  it('a description standing for an entity is no alias of it', () => {
    const rs = records('Nvidia posted results on Monday. The chipmaker is headquartered in the United States.');
    expect(rs.some((r) => r.kind === 'fact' && r.rel === 'HEADQUARTERED_IN' && r.subject.name === 'NVIDIA')).toBe(true);
    expect(rs.flatMap((r) => (r.kind === 'entity' ? r.aliases : [])).filter((a) => /chipmaker/i.test(a))).toEqual([]);
  });

  it("a known family's release in prose is a model by its shape, shown even when nothing relates it; a table's compared models are not", () => {
    expect(entityNames('The release adds two models, Gemma 5 Mini and Llama 6 Scout, for phones.')).toEqual(expect.arrayContaining(['Gemma 5 Mini', 'Llama 6 Scout']));
    expect(entityNames('Anthropic brings its Claude models (Sonnet 5.1, Opus 5 and Haiku 5) to the platform.')).toEqual(
      expect.arrayContaining(['Claude Sonnet 5.1', 'Claude Opus 5', 'Claude Haiku 5']),
    );
    expect(entityNames('| Benchmark | Gemma 5 Mini | Llama 6 Scout |\n| MMLU model score | 71.2 | 70.4 |')).not.toContain('Llama 6 Scout');
    expect(entityNames('The poet wrote a haiku 5 times a day.')).toEqual([]);
  });

  it("a headline's capitals before a facility's head name no facility", () => {
    expect(entityNames('Orbit Labs and Foxconn to Build AI Factory in Taiwan')).not.toContain('Build AI Factory');
    expect(entityNames('Microsoft and G42 Plan $1B Geothermal Data Centre in Kenya')).not.toContain('Geothermal Data Centre');
    expect(entityNames('Microsoft will open the Harbor Point Data Centre in Kenya next year.')).toContain('Harbor Point Data Centre');
  });

  it('a name at the end of a sentence keeps no full stop', () => {
    expect(entityNames('Meta touts a data center called Hyperion.')).toContain('Hyperion');
  });

  it('a flattened table is no prose: a cell after a nation and a kind names no company', () => {
    expect(mentionNames('Risk from US frontier labs Low-Medium (15–25%) Potentially decisive.')).not.toContain('Low-Medium');
    expect(mentionNames('Inference routes to US data centers Partial, region-contained.')).not.toContain('Partial');
    expect(facts('Chinese chip firms Tavrix and SiLumen were added to the Entity List.')).toEqual(expect.arrayContaining(['HEADQUARTERED_IN Tavrix -> China', 'APPLIES_TO Entity List -> SiLumen']));
  });

  it('names given as examples of a kind are organisations, at home where the kind is, and an owner is no part of one', () => {
    expect(facts('Chinese chip designers like Kestrel Micro and Tarvos Semiconductor raised money.')).toEqual(
      expect.arrayContaining(['HEADQUARTERED_IN Kestrel Micro -> China', 'HEADQUARTERED_IN Tarvos Semiconductor -> China']),
    );
    expect(mentionNames("It beat models such as OpenAI's GPT-4 on the test.")).not.toContain("OpenAI's GPT-4");
    // no kind before the examples, no examples
    expect(mentionNames('It sells to places such as Verlo and Dunmore.')).not.toContain('Verlo');
  });

  it('names a kind lists between dashes are organisations, and so is a name listed with two known companies', () => {
    const names = entityNames('Hundreds of enterprises—including Zentrix, Parloo Networks, and Kursor—rely on Claude every day.');
    expect(names).toEqual(expect.arrayContaining(['Zentrix', 'Parloo Networks', 'Kursor']));
    expect(entityNames('Nvidia, AMD and Qorvane Labs would each sell a 3% stake.')).toContain('Qorvane Labs');
    expect(entityNames('Intel, Samsung and Talvic Memory cut prices in May.')).toContain('Talvic Memory');
    // one known company is no list of companies; a clause's opening word and a nation in the list are not mates
    expect(entityNames('Nvidia, Brekko and Talvic Memory cut prices.')).not.toContain('Brekko');
    expect(entityNames('Meanwhile, Nvidia and AMD cut prices.')).not.toContain('Meanwhile');
    expect(entityNames('Nvidia, AMD, Japan and Orvel sell chips.')).not.toContain('Orvel');
  });

  it('a company named by a word of naming after its kind is an organisation', () => {
    expect(entityNames('He launched a new subsidiary called Valdris Intelligence.')).toContain('Valdris Intelligence');
    expect(entityNames('The two formed a joint venture named Orvane Compute.')).toContain('Orvane Compute');
  });

  it('a division or a partner named after its role is an organisation, a brand that opens with digits too; a managing partner is a person', () => {
    expect(entityNames('The plant is run with Rashed Digital, a new division of the oil producer.')).toContain('Rashed Digital');
    expect(facts("Customers were pointed to Microsoft's Chinese partner 42Cloudnet.")).toEqual(
      expect.arrayContaining(['HEADQUARTERED_IN 42Cloudnet -> China', 'PARTNERS_WITH Microsoft -> 42Cloudnet']),
    );
    expect(entityNames("The fund's managing partner Jane Doe said it would invest in Nvidia.")).not.toContain('Jane Doe');
  });

  it('an owner before a described name is not part of it', () => {
    expect(mentionNames("AMD's MI355X, a flagship accelerator, ships this year.")).not.toContain("AMD's MI355X");
    expect(facts("Nvidia's H100, a flagship chip, was restricted.")).toContain('DESIGNED_BY NVIDIA H100 -> NVIDIA');
  });

  it('reports a name nobody listed only when the text relates it to something or defines it', () => {
    expect(entityNames('Verdanta Systems is building a sovereign cloud in Lisbon.')).not.toContain('Verdanta Systems');
    expect(entityNames('Verdanta Systems, a Lisbon-based company, is building a sovereign cloud.')).toContain('Verdanta Systems');
    expect(entityNames('The operator of an AI campus dubbed Harbor One said it would open in May.')).toContain('Harbor One');
    expect(entityNames('The rule leaves Directive 2002/58/EC untouched.')).toContain('Directive 2002/58/EC');
    // a statute's title names a law wherever it stands; a plan's only where something vouches for it
    expect(entityNames('Both men were charged with breaching the Foreign Data Custody Act last year.')).toContain('Foreign Data Custody Act');
    expect(entityNames('The House passed the Compute Transparency Act of 2027 on Friday.')).toContain('Compute Transparency Act of 2027');
    expect(entityNames('Fines follow from the Cyberspace Law and other rules.')).toContain('Cyberspace Law');
    expect(entityNames('It said the New Law would pass.')).not.toContain('New Law');
    expect(entityNames('Officials discussed the Regional Compute Roadmap Plan.')).not.toContain('Regional Compute Roadmap Plan');
    // a programme an appositive or a copula describes, and a facility named after "its"
    expect(entityNames('The Commission launched ComputeEU, a flagship programme to fund public clusters.')).toContain('ComputeEU');
    expect(facts('Mistral AI is expanding its Meridian supercomputer near Paris.')).toContain('OPERATED_BY Meridian -> Mistral AI');
    // a title that swallows a known name is not a name of its own
    expect(entityNames('Lawyers compared the European Union EU AI Act with other rules.')).not.toContain('European Union EU AI Act');
  });

  it.each([
    // a public body named with its nation keeps the nation in its name and stands for itself
    ['The ruling was welcomed by the Italian Senate on Tuesday.', 'Italian Senate'],
    ['Officials at the U.K. Competition Authority declined to comment.', 'U.K. Competition Authority'],
    ['The European Data Protection Board issued guidance.', 'European Data Protection Board'],
    ['Part of the revenue goes to the U.K. Treasury each quarter.', 'U.K. Treasury'],
  ])('%s names %s', (text, name) => expect(entityNames(text)).toContain(name));

  it("a firm's full name with '&' and a firm's ending is one organisation, even when it opens with a known company's name", () => {
    const names = mentionNames('Backers in the round include Harbor Management & Research Company, Fidelity Management & Research Company and Nvidia Corporation, the startup said.');
    expect(names).toContain('Harbor Management & Research Company');
    expect(names).toContain('Fidelity Management & Research Company');
    expect(names).toContain('NVIDIA');
    expect(names).not.toContain('Fidelity');
  });

  it("a family's tier written as a name is a model of the family ('Qwen Plus', 'Mistral Large'); a longer capitalised phrase is not", () => {
    const names = mentionNames('Mistral AI put Mistral Large on Azure, Alibaba offers Qwen Plus, and the Mistral Large Language Team met.');
    expect(names).toContain('Mistral Large');
    expect(names).toContain('Qwen Plus');
    expect(facts('Alibaba released Qwen Max, its largest model.')).toContain('DEVELOPED_BY Qwen Max -> Alibaba Group');
    expect(mentionNames('Google Pro teams met.')).not.toContain('Google Pro');
  });

  it("a name a firm's or institution's ending makes an organisation is reported though nothing relates it; a description with such a word is not", () => {
    const names = entityNames('A data centre will also be developed by the telecoms company Kestrel Group. Officials cited Model Risk Management and the Director of the National Energy Institute.');
    expect(names).toContain('Kestrel Group');
    expect(names).not.toContain('Model Risk Management');
    expect(names.some((n) => n.startsWith('Director'))).toBe(false);
    // a list joined by "or" is two names
    expect(entityNames('Unlike chatbots such as Zephyra or Quillon Chat, the model is open.')).not.toContain('Zephyra or Quillon Chat');
  });

  it('a legal form after a known name is the known company itself', () => {
    expect(entityNames('Oracle Corp. and SoftBank Group signed the lease.')).toEqual(expect.arrayContaining(['Oracle', 'SoftBank']));
    expect(entityNames('Oracle Corp. and SoftBank Group signed the lease.')).not.toContain('Oracle Corp');
    // with a group's or a holding's words before the form, and its full stop inside a list
    const text = 'Moonshot AI is raising a round already backed by Alibaba Group Holding Ltd. and Tencent Holdings Ltd., people said.';
    expect(entityNames(text)).not.toContain('Tencent Holdings Ltd');
    expect(facts(text)).toEqual(expect.arrayContaining(['INVESTS_IN Alibaba Group -> Moonshot AI', 'INVESTS_IN Tencent -> Moonshot AI']));
    expect(facts('Kestrel Robotics Ltd. and Orvane Systems Inc. signed a supply deal.')).toContain('PARTY_TO Orvane Systems Inc -> Kestrel Robotics Ltd-Orvane Systems Inc deal');
  });

  it('a period named by a person is no part of a rule name', () => {
    expect(mentionNames('Officials rescinded the Obama-Era Cloud Security Rule last week.')).toContain('Cloud Security Rule');
    expect(mentionNames('Officials rescinded the Obama-Era Cloud Security Rule last week.')).not.toContain('Era Cloud Security Rule');
  });

  it.each([
    ['AMD said its GPU revenue rose.', 'AMD said'],
    ['Codex-Spark runs on Cerebras AWS deployments with chips.', 'Cerebras AWS'],
    ['Weights are released under Apache 2.0 with the model.', 'Apache 2.0'],
    ['The model needs Python 3.12 and CUDA 12.4.', 'Python 3.12'],
    ['The project was announced at Mobile World Congress 2026.', 'US Congress'],
    ['Startups in Seoul are growing.', 'South Korea'],
    ['- The Three Tiers of Sovereign AI', 'Three Tiers of Sovereign AI'],
    ['Qwen3-based models are common.', 'Qwen3-based'],
    ['Demand for H100/H200 systems rose.', 'H100/H200'],
    ['Approvals at IL4/IL5 level are pending.', 'IL4/IL5'],
    ['President Halvard announced new tariffs.', 'Halvard'],
    ['Companies announced new plans.', 'Companies'],
    ['Press Release announced the rule.', 'Press Release'],
    ['SoftBank invested in Paris-based AI company Mistral AI.', 'Paris-based AI'],
    // a web address's host and path name no model and no publisher; the continent is no union of nations
    ['Nvidia unveiled the chip today. pic.twitter.com/Ab3dE9fGh2', 'pic.twitter.com/Ab3dE9fGh2'],
    ['Nvidia unveiled the chip today. pic.twitter.com/Ab3dE9fGh2', 'pic.twitter.com'],
    ['Nscale builds data centres across Europe.', 'European Union'],
    // a discourse word before an appositive names nothing
    ['So, a large capacity agreement with a specialist was the answer.', 'So'],
    // a lower-case word after a family's name with a space is a word of the sentence
    ['The Qwen air quality report was late.', 'Qwen air'],
    // a kind of rule written as an abbreviation names no party
    ['This interim final rule (IFR) also revises the EAR, and this IFR takes effect at once.', 'IFR'],
    // a section's word after a model's name is a heading's
    ['### Heron-7B-Evaluation\n\nWe evaluate Heron-7B on reasoning benchmarks.', 'Heron-7B-Evaluation'],
  ])('%s has no %s', (text, name) => expect(entityNames(text)).not.toContain(name));
});

describe('sites', () => {
  // sites are rarely in the built-in lexicon: give the gazetteer one, as the store would
  const gazetteer = Gazetteer.build([{ id: 'dc:stargate-uae', label: 'DataCenter', name: 'Stargate UAE', aliases: [], props: {} }]);
  const siteFacts = (text: string) =>
    extract(text, { source: 't', gazetteer })
      .filter((r): r is FactOut => r.kind === 'fact')
      .map((f) => `${f.rel} ${f.subject.name} -> ${f.object.name}`);

  it('a named site and the place it stands in', () => {
    expect(siteFacts('The Stargate UAE campus in Abu Dhabi will be built by G42.')).toContain('LOCATED_IN Stargate UAE -> United Arab Emirates');
  });

  it("a described site keeps the text's own head and one site of a plural among its names; a region is a place, never a site", () => {
    const records = extract("Oracle's Kedah AI data centre campus opens in May. CoreWeave plans to build data centers in Queensland.", { source: 't', gazetteer });
    const sites = records.filter((r) => r.kind === 'entity' && r.type === 'DataCenter') as { name: string; aliases: string[] }[];
    expect(sites.map((s) => s.name)).not.toContain('Kedah');
    const kedah = sites.find((s) => s.name.includes('Kedah'))!;
    expect(kedah.aliases).toContain('Oracle Kedah AI data centre campus');
    const queensland = sites.find((s) => s.name.includes('Queensland'))!;
    expect(queensland.aliases).toContain('CoreWeave Queensland data center');
    expect(siteFacts("Oracle's Kedah AI data centre campus opens in May.")).toContain('LOCATED_IN Oracle Kedah data centre campus -> Malaysia');
  });

  it('a site an actor invests in is its site; a plural head in places listed together is one site in each', () => {
    expect(siteFacts('Oracle will invest $6 billion in a new AI data centre in Hyderabad.')).toEqual(
      expect.arrayContaining(['OPERATED_BY Oracle Hyderabad data centre -> Oracle', 'LOCATED_IN Oracle Hyderabad data centre -> India']),
    );
    expect(siteFacts('CoreWeave will open data centers in Ohio and Texas next year.')).toEqual(
      expect.arrayContaining(['LOCATED_IN CoreWeave Ohio data centers -> United States', 'LOCATED_IN CoreWeave Texas data centers -> United States']),
    );
    expect(siteFacts('Microsoft invested in a startup in Texas.').some((f) => f.startsWith('OPERATED_BY'))).toBe(false);
  });

  it("a firm's legal form of any jurisdiction stays with its name, a sole operator's other names name its site, and \"artificial intelligence\" is the site's AI", () => {
    const records = extract('Oracle Corporation Bhd’s new AI data centre in Kulai, Johor, opens soon. Nebius plans to build an artificial intelligence data center in Vineland, New Jersey.', {
      source: 't',
      gazetteer,
    });
    const sites = records.filter((r) => r.kind === 'entity' && r.type === 'DataCenter') as { name: string; aliases: string[] }[];
    expect(sites.find((s) => s.name.includes('Kulai'))?.aliases).toContain('Oracle Kulai AI data centre');
    expect(sites.find((s) => s.name.includes('Vineland'))?.aliases).toContain('Nebius Vineland AI data center');
    expect(siteFacts('Oracle Corporation Bhd’s new AI data centre in Kulai, Johor, opens soon.')).toContain('LOCATED_IN Oracle Kulai data centre -> Malaysia');
  });

  it("a cloud's sites are named by the cloud and run by the company that runs it; a plural head in nations listed together is one site in each", () => {
    expect(siteFacts('AWS opened new data centres in Thailand and Mexico this month.')).toEqual(
      expect.arrayContaining([
        'OPERATED_BY AWS Thailand data centres -> Amazon',
        'LOCATED_IN AWS Thailand data centres -> Thailand',
        'OPERATED_BY AWS Mexico data centres -> Amazon',
        'LOCATED_IN AWS Mexico data centres -> Mexico',
      ]),
    );
  });

  it('a cloud "in" a country is not located there', () => {
    expect(siteFacts('AWS in Saudi Arabia grew quickly.').some((f) => f.startsWith('LOCATED_IN'))).toBe(false);
  });
});

describe('policy effects', () => {
  it.each([
    ['Exports to Taiwan, Japan and South Korea are exempt from the new license requirement.', 'access'],
    ['A license is required for the export of HBM3E memory to China.', 'license_required'],
    ['Exports of these items to these entities are prohibited without a license.', 'ban'],
  ])('%s', (text, effect) => expect(effectOf(text)).toBe(effect));
});
