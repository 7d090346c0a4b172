// The SDL: the object types generated from the domain model plus the hand-written surface.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema');

/** Reads the SDL files in the order codegen reads them. */
export function loadTypeDefs(): string[] {
  const hand = join(schemaDir, 'graphql');
  const files = [
    join(schemaDir, 'generated', 'types.graphql'),
    ...readdirSync(hand)
      .filter((f) => f.endsWith('.graphql'))
      .sort()
      .map((f) => join(hand, f)),
  ];
  return files.map((f) => readFileSync(f, 'utf8'));
}
