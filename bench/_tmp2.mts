import { facts } from '../test/ingest/extract-helpers.js';
console.log(facts(process.argv[2]!));
