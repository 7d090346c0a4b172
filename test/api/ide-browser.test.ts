// The GraphQL IDE page in a real headless Chromium with every request off the server refused:
// it loads from the package alone, reads the schema and runs its example query.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../api/server/serve.js';
import { loadConfig } from '../../api/config.js';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import type { GraphStore } from '../../graph/store.js';
import { writeFixture } from './fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`IDE browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

describe.skipIf(!hasChromium)('the GraphQL IDE page in headless Chromium, offline', () => {
  let browser: Browser;
  let server: RunningServer;
  let store: GraphStore;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    store = await openEmbeddedStore({ dataDir: ':memory:' });
    await writeFixture(store);
    [browser, server] = await Promise.all([
      chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      }),
      startServer(loadConfig({ DATA_DIR: ':memory:', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED_ON_START: 'false', INGEST_ON_SERVE: 'false' }), { store }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await store?.close();
  });

  it('renders GraphiQL from the server alone and answers its example query', async () => {
    const page = await (await browser.newContext()).newPage();
    const origin = new URL(server.url).origin;
    const offsite: string[] = [];
    const errors: string[] = [];
    await page.route('**/*', (route) => {
      if (new URL(route.request().url()).origin === origin) return route.continue();
      offsite.push(route.request().url());
      return route.abort();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('totalCount'), undefined, { timeout: 30_000 });
    const result = await page.textContent('.result-window');
    expect(result).toContain('"totalCount"');
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);
});
