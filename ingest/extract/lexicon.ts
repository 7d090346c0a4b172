// The built-in lexicon: well-known names of the AI supply chain (nations with ISO codes and the
// demonyms that name them, blocs, labs, chip makers, chips, clouds, agencies, model families), so
// extraction works on an empty store. Ids follow the canonical ids the seeds use; the store's own
// entities, when given, take precedence over these.
import type { Label } from '../../schema/generated/model.js';
import type { Props } from '../../schema/records.js';

export interface LexiconEntry {
  id: string;
  label: Label;
  name: string;
  aliases?: string[];
  props?: Props;
  /** adjectives that name the entity itself ("Chinese" for China); matched only before a noun phrase */
  demonyms?: string[];
  /** cities that stand for the nation in "Paris-based", "based in Abu Dhabi"; matched like demonyms (never aliases) */
  places?: string[];
  /** ISO code of the nation the organisation is headquartered in, for rules that need it */
  country?: string;
  /** id of the organisation that operates a cloud */
  operator?: string;
}

type NationRow = [iso: string, name: string, aliases: string[], demonyms: string[]];

// Countries (ISO 3166-1 alpha-2). Demonyms only where the adjective is unambiguous in news text.
const NATIONS: NationRow[] = [
  ['US', 'United States', ['U.S.', 'US', 'USA', 'U.S.A.', 'United States of America', 'America'], ['American']],
  ['CN', 'China', ["People's Republic of China", 'PRC', 'Mainland China'], ['Chinese']],
  ['TW', 'Taiwan', ['Republic of China'], ['Taiwanese']],
  ['KR', 'South Korea', ['Korea', 'Republic of Korea', 'ROK'], ['South Korean', 'Korean']],
  ['KP', 'North Korea', ['DPRK'], ['North Korean']],
  ['JP', 'Japan', [], ['Japanese']],
  ['IN', 'India', [], ['Indian']],
  ['AE', 'United Arab Emirates', ['UAE', 'U.A.E.', 'Emirates'], ['Emirati']],
  ['SA', 'Saudi Arabia', ['Kingdom of Saudi Arabia', 'KSA'], ['Saudi']],
  ['QA', 'Qatar', [], ['Qatari']],
  ['KW', 'Kuwait', [], ['Kuwaiti']],
  ['BH', 'Bahrain', [], ['Bahraini']],
  ['OM', 'Oman', [], ['Omani']],
  ['SG', 'Singapore', [], ['Singaporean']],
  ['GB', 'United Kingdom', ['UK', 'U.K.', 'Britain', 'Great Britain'], ['British']],
  ['FR', 'France', [], ['French']],
  ['DE', 'Germany', [], ['German']],
  ['NL', 'Netherlands', ['the Netherlands', 'Holland'], ['Dutch']],
  ['IT', 'Italy', [], ['Italian']],
  ['ES', 'Spain', [], ['Spanish']],
  ['IE', 'Ireland', [], ['Irish']],
  ['CA', 'Canada', [], ['Canadian']],
  ['IL', 'Israel', [], ['Israeli']],
  ['RU', 'Russia', ['Russian Federation'], ['Russian']],
  ['CH', 'Switzerland', [], ['Swiss']],
  ['SE', 'Sweden', [], ['Swedish']],
  ['PL', 'Poland', [], ['Polish']],
  ['MY', 'Malaysia', [], ['Malaysian']],
  ['ID', 'Indonesia', [], ['Indonesian']],
  ['BR', 'Brazil', [], ['Brazilian']],
  ['MX', 'Mexico', [], ['Mexican']],
  ['AR', 'Argentina', [], ['Argentine']],
  ['CL', 'Chile', [], ['Chilean']],
  ['CO', 'Colombia', [], ['Colombian']],
  ['AU', 'Australia', [], ['Australian']],
  ['NZ', 'New Zealand', [], []],
  ['VN', 'Vietnam', ['Viet Nam'], ['Vietnamese']],
  ['TH', 'Thailand', [], ['Thai']],
  ['PH', 'Philippines', ['the Philippines'], ['Filipino']],
  ['PK', 'Pakistan', [], ['Pakistani']],
  ['BD', 'Bangladesh', [], []],
  ['LK', 'Sri Lanka', [], []],
  ['TR', 'Turkey', ['Türkiye', 'Turkiye'], ['Turkish']],
  ['IR', 'Iran', [], ['Iranian']],
  ['IQ', 'Iraq', [], ['Iraqi']],
  ['EG', 'Egypt', [], ['Egyptian']],
  ['NG', 'Nigeria', [], ['Nigerian']],
  ['KE', 'Kenya', [], ['Kenyan']],
  ['ZA', 'South Africa', [], ['South African']],
  ['ZW', 'Zimbabwe', [], ['Zimbabwean']],
  ['ET', 'Ethiopia', [], ['Ethiopian']],
  ['GH', 'Ghana', [], ['Ghanaian']],
  ['RW', 'Rwanda', [], ['Rwandan']],
  ['MA', 'Morocco', [], ['Moroccan']],
  ['UA', 'Ukraine', [], ['Ukrainian']],
  ['BY', 'Belarus', [], []],
  ['AT', 'Austria', [], ['Austrian']],
  ['BE', 'Belgium', [], ['Belgian']],
  ['DK', 'Denmark', [], ['Danish']],
  ['FI', 'Finland', [], ['Finnish']],
  ['NO', 'Norway', [], ['Norwegian']],
  ['IS', 'Iceland', [], []],
  ['PT', 'Portugal', [], ['Portuguese']],
  ['GR', 'Greece', [], ['Greek']],
  ['CZ', 'Czech Republic', ['Czechia'], ['Czech']],
  ['HU', 'Hungary', [], ['Hungarian']],
  ['RO', 'Romania', [], ['Romanian']],
  ['BG', 'Bulgaria', [], []],
  ['HR', 'Croatia', [], []],
  ['SK', 'Slovakia', [], []],
  ['SI', 'Slovenia', [], []],
  ['EE', 'Estonia', [], ['Estonian']],
  ['LV', 'Latvia', [], []],
  ['LT', 'Lithuania', [], []],
  ['LU', 'Luxembourg', [], []],
  ['MT', 'Malta', [], []],
  ['CY', 'Cyprus', [], []],
  ['KZ', 'Kazakhstan', [], []],
  ['UZ', 'Uzbekistan', [], []],
  ['MN', 'Mongolia', [], []],
  ['HK', 'Hong Kong', [], []],
  ['MO', 'Macau', ['Macao'], []],
  ['JO', 'Jordan', [], ['Jordanian']],
  ['LB', 'Lebanon', [], []],
  ['PE', 'Peru', [], []],
  ['VE', 'Venezuela', [], []],
  ['CU', 'Cuba', [], ['Cuban']],
  ['SY', 'Syria', [], ['Syrian']],
  ['MM', 'Myanmar', ['Burma'], []],
  ['KH', 'Cambodia', [], []],
  ['LA', 'Laos', [], []],
  ['NP', 'Nepal', [], []],
];

// Cities where AI companies and agencies are based, for "Paris-based X" and "headquartered in Seoul".
// Only names that are unambiguous in news text (no "Washington", "Cambridge", "Georgia").
const CITIES: Readonly<Record<string, string[]>> = {
  US: ['San Francisco', 'Silicon Valley', 'Palo Alto', 'Mountain View', 'Menlo Park', 'Santa Clara', 'Sunnyvale', 'Seattle', 'Redmond', 'New York', 'Austin'],
  CN: ['Beijing', 'Shanghai', 'Shenzhen', 'Hangzhou', 'Guangzhou'],
  TW: ['Taipei', 'Hsinchu'],
  KR: ['Seoul', 'Pangyo'],
  JP: ['Tokyo', 'Osaka'],
  IN: ['Bengaluru', 'Bangalore', 'New Delhi', 'Mumbai', 'Hyderabad'],
  AE: ['Abu Dhabi', 'Dubai'],
  SA: ['Riyadh', 'Jeddah'],
  QA: ['Doha'],
  GB: ['London'],
  FR: ['Paris'],
  DE: ['Berlin', 'Munich', 'Heidelberg'],
  NL: ['Amsterdam', 'Eindhoven', 'Veldhoven'],
  CA: ['Toronto', 'Montreal'],
  IL: ['Tel Aviv'],
  CH: ['Zurich', 'Geneva'],
  SE: ['Stockholm'],
  IE: ['Dublin'],
};

const nations: LexiconEntry[] = NATIONS.map(([iso, name, aliases, demonyms]) => ({
  id: `nation:${iso.toLowerCase()}`,
  label: 'Nation',
  name,
  aliases,
  props: { kind: 'country', iso },
  demonyms,
  ...(CITIES[iso] ? { places: CITIES[iso] } : {}),
}));

const blocs: LexiconEntry[] = [
  { id: 'nation:eu', label: 'Nation', name: 'European Union', aliases: ['EU', 'E.U.', 'Europe'], props: { kind: 'bloc', iso: 'EU' }, demonyms: ['European'] },
  { id: 'nation:gcc', label: 'Nation', name: 'Gulf Cooperation Council', aliases: ['GCC'], props: { kind: 'bloc', iso: 'GCC' } },
];

const org = (id: string, name: string, aliases: string[], kind: string, country?: string): LexiconEntry => ({
  id,
  label: 'Organization',
  name,
  aliases,
  props: { kind },
  ...(country ? { country } : {}),
});
const lab = (id: string, name: string, aliases: string[], country: string): LexiconEntry => ({ id, label: 'Lab', name, aliases, props: {}, country });
const cloud = (id: string, name: string, aliases: string[], country: string, kind = 'hyperscaler', operator?: string): LexiconEntry => ({
  id,
  label: 'Cloud',
  name,
  aliases,
  props: { kind },
  country,
  ...(operator ? { operator } : {}),
});
const chip = (id: string, name: string, aliases: string[], kind = 'gpu'): LexiconEntry => ({ id, label: 'Chip', name, aliases, props: { kind } });
const model = (id: string, name: string, aliases: string[]): LexiconEntry => ({ id, label: 'Model', name, aliases, props: {} });

const labs: LexiconEntry[] = [
  lab('lab:openai', 'OpenAI', ['Open AI'], 'US'),
  lab('lab:anthropic', 'Anthropic', ['Anthropic PBC'], 'US'),
  lab('lab:google-deepmind', 'Google DeepMind', ['DeepMind'], 'GB'),
  lab('lab:meta-ai', 'Meta AI', ['Meta', 'FAIR', 'Meta Platforms'], 'US'),
  lab('lab:mistral-ai', 'Mistral AI', ['Mistral'], 'FR'),
  lab('lab:deepseek', 'DeepSeek', ['DeepSeek AI', 'Hangzhou DeepSeek'], 'CN'),
  lab('lab:alibaba-qwen', 'Alibaba Qwen team', ['Qwen team', 'Qwen Team'], 'CN'),
  lab('lab:zhipu-ai', 'Zhipu AI', ['Zhipu', 'Z.ai', 'Knowledge Atlas'], 'CN'),
  lab('lab:moonshot-ai', 'Moonshot AI', ['Moonshot'], 'CN'),
  lab('lab:minimax', 'MiniMax', [], 'CN'),
  lab('lab:xai', 'xAI', [], 'US'),
  lab('lab:g42', 'G42', [], 'AE'),
  lab('lab:tii', 'Technology Innovation Institute', ['TII'], 'AE'),
  lab('lab:sarvam-ai', 'Sarvam AI', ['Sarvam'], 'IN'),
  lab('lab:baidu', 'Baidu', [], 'CN'),
  lab('lab:tencent', 'Tencent', [], 'CN'),
  lab('lab:bytedance', 'ByteDance', ['Bytedance'], 'CN'),
  lab('lab:01-ai', '01.AI', [], 'CN'),
  lab('lab:stepfun', 'StepFun', [], 'CN'),
  lab('lab:cohere', 'Cohere', [], 'CA'),
  lab('lab:ai21-labs', 'AI21 Labs', ['AI21'], 'IL'),
  lab('lab:aleph-alpha', 'Aleph Alpha', [], 'DE'),
  lab('lab:microsoft-research', 'Microsoft Research', [], 'US'),
  lab('lab:hugging-face', 'Hugging Face', ['HuggingFace'], 'US'),
  lab('lab:stability-ai', 'Stability AI', [], 'GB'),
  lab('lab:reka-ai', 'Reka AI', [], 'US'),
  lab('lab:naver', 'Naver', ['NAVER'], 'KR'),
  lab('lab:lg-ai-research', 'LG AI Research', [], 'KR'),
  lab('lab:sakana-ai', 'Sakana AI', [], 'JP'),
  lab('lab:upstage', 'Upstage', [], 'KR'),
  lab('lab:inception', 'Inception', [], 'AE'),
];

const orgs: LexiconEntry[] = [
  org('org:nvidia', 'NVIDIA', ['Nvidia', 'NVIDIA Corporation'], 'chip_designer', 'US'),
  org('org:amd', 'AMD', ['Advanced Micro Devices'], 'chip_designer', 'US'),
  org('org:huawei', 'Huawei', ['Huawei Technologies'], 'chip_designer', 'CN'),
  org('org:tsmc', 'TSMC', ['Taiwan Semiconductor Manufacturing Company', 'Taiwan Semiconductor Manufacturing Co.', 'Taiwan Semiconductor'], 'foundry', 'TW'),
  org('org:smic', 'SMIC', ['Semiconductor Manufacturing International Corporation'], 'foundry', 'CN'),
  org('org:samsung', 'Samsung', ['Samsung Electronics'], 'memory_maker', 'KR'),
  org('org:sk-hynix', 'SK Hynix', ['SK hynix', 'Hynix'], 'memory_maker', 'KR'),
  org('org:micron', 'Micron', ['Micron Technology'], 'memory_maker', 'US'),
  org('org:asml', 'ASML', ['ASML Holding'], 'company', 'NL'),
  org('org:intel', 'Intel', ['Intel Corporation'], 'chip_designer', 'US'),
  org('org:qualcomm', 'Qualcomm', [], 'chip_designer', 'US'),
  org('org:broadcom', 'Broadcom', [], 'chip_designer', 'US'),
  org('org:arm', 'Arm', ['Arm Holdings', 'ARM'], 'chip_designer', 'GB'),
  org('org:cambricon', 'Cambricon', ['Cambricon Technologies'], 'chip_designer', 'CN'),
  org('org:cerebras', 'Cerebras', ['Cerebras Systems'], 'chip_designer', 'US'),
  org('org:groq', 'Groq', [], 'chip_designer', 'US'),
  org('org:applied-materials', 'Applied Materials', [], 'company', 'US'),
  org('org:tokyo-electron', 'Tokyo Electron', [], 'company', 'JP'),
  org('org:amazon', 'Amazon', ['Amazon.com'], 'cloud_operator', 'US'),
  org('org:microsoft', 'Microsoft', ['Microsoft Corporation'], 'cloud_operator', 'US'),
  org('org:google', 'Google', ['Alphabet'], 'cloud_operator', 'US'),
  org('org:alibaba', 'Alibaba', ['Alibaba Group'], 'cloud_operator', 'CN'),
  org('org:oracle', 'Oracle', [], 'cloud_operator', 'US'),
  org('org:ovhcloud', 'OVH Groupe', ['OVH'], 'cloud_operator', 'FR'),
  org('org:coreweave', 'CoreWeave', [], 'cloud_operator', 'US'),
  org('org:softbank', 'SoftBank', ['SoftBank Group'], 'fund', 'JP'),
  org('org:mgx', 'MGX', [], 'fund', 'AE'),
  org('org:foxconn', 'Foxconn', ['Hon Hai'], 'company', 'TW'),
  org('org:european-commission', 'European Commission', ['EU Commission', 'the Commission'], 'agency'),
  org('org:european-parliament', 'European Parliament', [], 'agency'),
  org('org:council-of-the-eu', 'Council of the European Union', ['Council of the EU'], 'agency'),
  org('org:us-department-of-commerce', 'US Department of Commerce', ['U.S. Department of Commerce', 'Department of Commerce', 'Commerce Department', 'US Commerce Department', 'U.S. Commerce Department'], 'agency', 'US'),
  org('org:bis', 'Bureau of Industry and Security', ['BIS'], 'agency', 'US'),
  org('org:white-house-ostp', 'White House Office of Science and Technology Policy', ['Office of Science and Technology Policy', 'OSTP', 'White House'], 'agency', 'US'),
  org('org:nsa', 'NSA', ['National Security Agency'], 'agency', 'US'),
  org('org:department-of-defense', 'US Department of Defense', ['Department of Defense', 'Pentagon', 'DoD', 'Department of War'], 'agency', 'US'),
  org('org:us-congress', 'US Congress', ['Congress', 'U.S. Congress'], 'agency', 'US'),
  org('org:nist', 'NIST', ['National Institute of Standards and Technology'], 'agency', 'US'),
  org('org:caisi', 'Center for AI Standards and Innovation', ['CAISI'], 'agency', 'US'),
  org('org:cac', 'Cyberspace Administration of China', ['CAC'], 'agency', 'CN'),
  org('org:miit', 'Ministry of Industry and Information Technology', ['MIIT'], 'agency', 'CN'),
  org('org:meity', 'Ministry of Electronics and Information Technology', ['MeitY'], 'agency', 'IN'),
  org('org:uk-aisi', 'AI Security Institute', ['UK AI Security Institute', 'AI Safety Institute'], 'agency', 'GB'),
  org('org:eu-ai-office', 'European AI Office', ['EU AI Office', 'AI Office'], 'agency'),
  org('org:openai-foundation', 'OpenAI Foundation', [], 'fund', 'US'),
];

const clouds: LexiconEntry[] = [
  cloud('cloud:aws', 'AWS', ['Amazon Web Services'], 'US', 'hyperscaler', 'org:amazon'),
  cloud('cloud:microsoft-azure', 'Microsoft Azure', ['Azure'], 'US', 'hyperscaler', 'org:microsoft'),
  cloud('cloud:google-cloud', 'Google Cloud', ['Google Cloud Platform', 'GCP'], 'US', 'hyperscaler', 'org:google'),
  cloud('cloud:oracle-cloud', 'Oracle Cloud', ['Oracle Cloud Infrastructure', 'OCI'], 'US', 'hyperscaler', 'org:oracle'),
  cloud('cloud:ovhcloud', 'OVHcloud', [], 'FR', 'sovereign', 'org:ovhcloud'),
  cloud('cloud:alibaba-cloud', 'Alibaba Cloud', ['Aliyun'], 'CN', 'hyperscaler', 'org:alibaba'),
  cloud('cloud:huawei-cloud', 'Huawei Cloud', [], 'CN', 'hyperscaler', 'org:huawei'),
  cloud('cloud:tencent-cloud', 'Tencent Cloud', [], 'CN'),
  cloud('cloud:deep', 'DEEP', [], 'LU', 'sovereign'),
  cloud('cloud:clever-cloud', 'Clever Cloud', [], 'FR', 'sovereign'),
  cloud('cloud:aws-european-sovereign-cloud', 'AWS European Sovereign Cloud', [], 'DE', 'sovereign', 'org:amazon'),
  cloud('cloud:scaleway', 'Scaleway', [], 'FR', 'sovereign'),
  cloud('cloud:ionos', 'IONOS', ['Ionos'], 'DE', 'sovereign'),
  cloud('cloud:stackit', 'STACKIT', [], 'DE', 'sovereign'),
  cloud('cloud:coreweave-cloud', 'CoreWeave Cloud', [], 'US', 'neocloud', 'org:coreweave'),
  cloud('cloud:amazon-bedrock', 'Amazon Bedrock', ['Bedrock'], 'US', 'api_platform', 'org:amazon'),
  cloud('cloud:azure-ai-foundry', 'Azure AI Foundry', ['Microsoft Azure AI Foundry', 'Microsoft Foundry', 'Azure OpenAI Service', 'Azure OpenAI'], 'US', 'api_platform', 'org:microsoft'),
  cloud('cloud:vertex-ai', 'Vertex AI', ['Google Vertex AI', 'Google Cloud Vertex AI'], 'US', 'api_platform', 'org:google'),
];

const chips: LexiconEntry[] = [
  chip('chip:nvidia-h20', 'NVIDIA H20', ['H20', 'Nvidia H20']),
  chip('chip:nvidia-h100', 'NVIDIA H100', ['H100', 'Nvidia H100']),
  chip('chip:nvidia-h200', 'NVIDIA H200', ['H200', 'Nvidia H200']),
  chip('chip:nvidia-h800', 'NVIDIA H800', ['H800', 'Nvidia H800']),
  chip('chip:nvidia-a100', 'NVIDIA A100', ['A100', 'Nvidia A100']),
  chip('chip:nvidia-a800', 'NVIDIA A800', ['A800', 'Nvidia A800']),
  chip('chip:nvidia-b200', 'NVIDIA B200', ['B200', 'Nvidia B200']),
  chip('chip:nvidia-b300', 'NVIDIA B300', ['B300', 'Nvidia B300']),
  chip('chip:nvidia-b30a', 'NVIDIA B30A', ['B30A', 'Nvidia B30A']),
  chip('chip:nvidia-gb200', 'NVIDIA GB200', ['GB200', 'Nvidia GB200', 'GB200 NVL72']),
  chip('chip:nvidia-gb300', 'NVIDIA GB300', ['GB300', 'Nvidia GB300']),
  chip('chip:nvidia-rtx-pro-6000d', 'NVIDIA RTX Pro 6000D', ['RTX Pro 6000D']),
  chip('chip:huawei-ascend-910b', 'Huawei Ascend 910B', ['Ascend 910B', '910B'], 'npu'),
  chip('chip:huawei-ascend-910c', 'Huawei Ascend 910C', ['Ascend 910C', '910C'], 'npu'),
  chip('chip:huawei-ascend-950', 'Huawei Ascend 950', ['Ascend 950'], 'npu'),
  // the line as a whole, for "Huawei's Ascend NPU line", "the Ascend ecosystem"
  chip('chip:huawei-ascend', 'Huawei Ascend', ['Ascend', 'Ascend NPU'], 'npu'),
  chip('chip:google-tpu-v5p', 'Google TPU v5p', ['TPU v5p'], 'tpu'),
  chip('chip:google-tpu-v6e', 'Google TPU v6e', ['TPU v6e', 'Trillium'], 'tpu'),
  chip('chip:google-tpu-v7', 'Google TPU v7', ['TPU v7', 'Ironwood'], 'tpu'),
  chip('chip:amd-mi300x', 'AMD MI300X', ['MI300X', 'Instinct MI300X'], 'gpu'),
  chip('chip:amd-mi355x', 'AMD MI355X', ['MI355X', 'Instinct MI355X'], 'gpu'),
  chip('chip:aws-trainium2', 'AWS Trainium2', ['Trainium2', 'Trainium 2', 'Trainium'], 'asic'),
  chip('chip:cambricon-siyuan-590', 'Cambricon Siyuan 590', ['Siyuan 590', 'MLU590'], 'npu'),
  chip('chip:hbm3', 'HBM3', [], 'hbm'),
  chip('chip:hbm3e', 'HBM3E', ['HBM3e'], 'hbm'),
  chip('chip:hbm4', 'HBM4', [], 'hbm'),
];

const models: LexiconEntry[] = [
  model('model:gpt-4', 'GPT-4', ['GPT4']),
  model('model:gpt-4o', 'GPT-4o', []),
  model('model:gpt-5', 'GPT-5', ['GPT5']),
  model('model:claude', 'Claude', []),
  model('model:claude-mythos', 'Claude Mythos', ['Mythos']),
  model('model:qwen', 'Qwen', ['Tongyi Qianwen']),
  model('model:qwen3', 'Qwen3', ['Qwen 3']),
  model('model:deepseek-v3', 'DeepSeek-V3', ['DeepSeek V3']),
  model('model:deepseek-r1', 'DeepSeek-R1', ['DeepSeek R1']),
  model('model:llama', 'Llama', ['LLaMA']),
  model('model:gemini', 'Gemini', []),
  model('model:gemma', 'Gemma', []),
  model('model:grok', 'Grok', []),
  model('model:kimi', 'Kimi', []),
  model('model:glm', 'GLM', ['ChatGLM']),
  model('model:ernie', 'ERNIE', ['Ernie']),
  model('model:falcon', 'Falcon', []),
  model('model:jais', 'Jais', []),
];

/** Countries by the demonym that opens an institution's name ("French" in "French Armed Forces Ministry"). */
export const DEMONYM_NATIONS: ReadonlyMap<string, { name: string; iso: string }> = new Map(
  NATIONS.flatMap(([iso, name, , demonyms]) => demonyms.map((d) => [d, { name, iso }] as const)),
);

const regulation = (id: string, name: string, aliases: string[], kind: string): LexiconEntry => ({ id, label: 'Regulation', name, aliases, props: { kind } });

// Instruments news and policy texts name by short form; ids follow the seeds'.
const regulations: LexiconEntry[] = [
  regulation('reg:eu-ai-act', 'EU AI Act', ['AI Act', 'Artificial Intelligence Act', 'Regulation (EU) 2024/1689'], 'law'),
  regulation('reg:gdpr', 'General Data Protection Regulation', ['GDPR', 'Regulation (EU) 2016/679'], 'law'),
  regulation('reg:nis2', 'NIS2 Directive', ['NIS2'], 'law'),
  regulation('reg:dora', 'Digital Operational Resilience Act', ['DORA'], 'law'),
  regulation('reg:eu-chips-act', 'European Chips Act', ['EU Chips Act'], 'law'),
  regulation('reg:us-chips-act', 'CHIPS and Science Act', ['CHIPS Act'], 'law'),
  regulation('reg:us-cloud-act', 'CLOUD Act', [], 'law'),
  regulation('reg:india-dpdp-act', 'Digital Personal Data Protection Act 2023', ['DPDP Act'], 'law'),
  regulation('reg:japan-appi', 'Act on the Protection of Personal Information', ['APPI'], 'law'),
  regulation('reg:brazil-lgpd', 'Lei Geral de Proteção de Dados', ['LGPD'], 'law'),
  regulation('reg:us-entity-list', 'Entity List', ['US Entity List', 'BIS Entity List'], 'blacklist'),
  regulation('reg:us-ear', 'Export Administration Regulations', ['EAR'], 'export_control'),
];

/** Every built-in lexicon entry. */
export const LEXICON: readonly LexiconEntry[] = [...nations, ...blocs, ...labs, ...orgs, ...clouds, ...chips, ...models, ...regulations];

/** Model families a release name may start with ("Qwen3.6-27B" is a Qwen release), with their usual developer. */
export const MODEL_FAMILIES: ReadonlyMap<string, string> = new Map([
  ['qwen', 'org:alibaba'],
  ['qwq', 'org:alibaba'],
  ['deepseek', 'lab:deepseek'],
  ['glm', 'lab:zhipu-ai'],
  ['kimi', 'lab:moonshot-ai'],
  ['minimax', 'lab:minimax'],
  ['gpt', 'lab:openai'],
  ['o', 'lab:openai'],
  ['claude', 'lab:anthropic'],
  ['gemini', 'lab:google-deepmind'],
  ['gemma', 'lab:google-deepmind'],
  ['llama', 'lab:meta-ai'],
  ['mistral', 'lab:mistral-ai'],
  ['mixtral', 'lab:mistral-ai'],
  ['magistral', 'lab:mistral-ai'],
  ['devstral', 'lab:mistral-ai'],
  ['codestral', 'lab:mistral-ai'],
  ['grok', 'lab:xai'],
  ['falcon', 'lab:tii'],
  ['jais', 'lab:g42'],
  ['ernie', 'lab:baidu'],
  ['hunyuan', 'lab:tencent'],
  ['doubao', 'lab:bytedance'],
  ['seed', 'lab:bytedance'],
  ['phi', 'lab:microsoft-research'],
  ['command', 'lab:cohere'],
  ['sarvam', 'lab:sarvam-ai'],
  ['step', 'lab:stepfun'],
  ['yi', 'lab:01-ai'],
  ['nemotron', 'org:nvidia'],
]);
