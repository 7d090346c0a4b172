import { Gazetteer } from '../ingest/extract/gazetteer.js';
import { extract } from '../ingest/extract/extract.js';
const gazetteer = Gazetteer.build([{ id: 'dc:stargate-uae', label: 'DataCenter', name: 'Stargate UAE', aliases: [], props: {} }]);
console.log(extract(process.argv[2]!, { source: 't', gazetteer }).filter((r: any) => r.kind === 'fact').map((f: any) => `${f.rel} ${f.subject.name} -> ${f.object.name}`));
