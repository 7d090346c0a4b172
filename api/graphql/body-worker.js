// A worker thread of the request-body pool (body-pool.ts): parses one large POST body and checks it
// against the work budget. The worker loads TypeScript through tsx itself, since threads do not
// share the main thread's loader.
import { register } from 'tsx/esm/api';

register();
const { gateBody, gateSchema } = await import('./body-gate.ts');
const schema = gateSchema();

/** Gates one body (its bytes, transferred from the serving thread); null: only start. */
export default function gate(bytes) {
  return bytes ? gateBody(bytes, schema) : null;
}
