import { analyse } from '/work/main/ingest/extract/nlp.js';
import { findMentions } from '/work/main/ingest/extract/mentions.js';
import { Gazetteer } from '/work/main/ingest/extract/gazetteer.js';
import { loadSeeds } from '/work/main/seeds/load.js';
const g = Gazetteer.build(loadSeeds().entities);
const text = process.argv[2]!;
const s = analyse(text);
for (const ms of findMentions(text, s, g)) for (const m of ms) console.log(m.label, '|', m.name, '|', m.surface, m.start, m.end, m.status);
