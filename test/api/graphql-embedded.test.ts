// The API suite on the embedded store, in memory.
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { apiSuite } from './suite.js';

apiSuite('embedded', () => openEmbeddedStore({ dataDir: ':memory:' }));
