// Model-version parsing: "Qwen3-235B-A22B-Instruct" -> family Qwen, version 3, variant Instruct,
// 235B parameters. Used to propose Model props and to relate a release to its family.

export interface ModelVersion {
  family: string;
  version?: string;
  variant?: string;
  parametersB?: number;
  activeParametersB?: number;
}

const SIZE = /^(\d+(?:\.\d+)?)([BbMm])$/;
const ACTIVE = /^A(\d+(?:\.\d+)?)B$/;

/** Splits a model name into family, version, variant and sizes; null when the name has no version shape. */
export function parseModelName(name: string): ModelVersion | null {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  // family: leading letters (allowing internal capitals, e.g. DeepSeek, MiniMax); version: the first number group.
  const head = /^([A-Za-z][A-Za-z]*?(?:-[A-Za-z]{2,})?)[\s-]?(v|V|K|M|R)?(\d+(?:\.\d+)*)([a-z]?)(?=$|[\s-])/.exec(trimmed);
  if (!head) return null;
  const family = head[1]!;
  const version = `${head[2] ?? ''}${head[3]}${head[4] ?? ''}`;
  const out: ModelVersion = { family, version };
  const variants: string[] = [];
  for (const part of trimmed
    .slice(head[0].length)
    .split(/[\s-]+/)
    .filter(Boolean)) {
    const size = SIZE.exec(part);
    const active = ACTIVE.exec(part);
    if (size) out.parametersB = size[2]!.toLowerCase() === 'b' ? Number(size[1]) : Number(size[1]) / 1000;
    else if (active) out.activeParametersB = Number(active[1]);
    else variants.push(part);
  }
  if (variants.length) out.variant = variants.join(' ');
  return out;
}
