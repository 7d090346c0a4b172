import { facts, records } from '../test/ingest/extract-helpers.js';
console.log(facts(process.argv[2]!), records(process.argv[2]!).filter((r:any)=>r.kind==='entity').map((r:any)=>r.type+':'+r.name));
