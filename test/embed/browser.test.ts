// The embeds in a real headless Chromium: no console errors, no request beyond the page, no
// dialog for a hostile name, screenshots at phone and desktop widths, and a host page whose
// iframe resizes from the height messages.
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../api/server/serve.js';
import { loadConfig } from '../../api/config.js';
import { HOST_SNIPPET } from '../../api/embed/height-script.js';
import { fixtureStore } from './fixture-world.js';
import type { GraphStore } from '../../graph/store.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
const config = () => loadConfig({ DATA_DIR: ':memory:', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });

describe.skipIf(!hasChromium)('embeds in headless Chromium', () => {
  let browser: Browser;
  let seeded: RunningServer;
  let hostile: RunningServer;
  let store: GraphStore;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    mkdirSync(ARTIFACTS, { recursive: true });
    store = await fixtureStore();
    [browser, seeded, hostile] = await Promise.all([
      chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      }),
      startServer(config()),
      startServer(config(), { store }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await seeded?.stop();
    await hostile?.stop();
    await store?.close();
  });

  /** Opens a URL at a width; records console errors and every request the page makes. */
  async function open(url: string, width: number, theme: 'light' | 'dark' = 'light') {
    const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: theme });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} ${m.location().url}`));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const response = await page.goto(url, { waitUntil: 'load' });
    return { context, page, errors, requests, dialogs, status: response?.status() };
  }

  for (const [width, theme] of [
    [320, 'light'],
    [1200, 'light'],
    [1200, 'dark'],
  ] as const) {
    it(`renders a seeded focus map at ${width} px (${theme}) with no errors and no outside requests`, async () => {
      const url = `${seeded.url}/embed/map?focus=chip:nvidia-h20`;
      const { context, page, errors, requests, status } = await open(url, width, theme);
      expect(status).toBe(200);
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      const visible = await page.locator('.map svg:visible').count();
      expect(visible).toBe(1);
      // Text never spills out of the frame horizontally.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${ARTIFACTS}embed-focus-${width}-${theme}.png`, fullPage: true });
      await context.close();
    });
  }

  it('shows the hostile name as text and never opens a dialog', async () => {
    for (const path of ['/embed/map?focus=chip:test-h20', '/embed/map?focus=deployment:test-hostile', '/embed/map.svg?focus=chip:test-h20', '/embed']) {
      const { context, page, errors, dialogs } = await open(`${hostile.url}${path}`, 1200);
      await page.waitForTimeout(100);
      expect(dialogs, path).toEqual([]);
      expect(
        errors.filter((e) => !e.includes('frame-ancestors')),
        path,
      ).toEqual([]);
      if (!path.includes('.svg') && path !== '/embed') {
        expect(await page.locator('img').count(), path).toBe(0);
        expect(await page.locator('svg text', { hasText: '<img src=x' }).count(), path).toBeGreaterThan(0);
      }
      if (path === '/embed/map?focus=chip:test-h20') await page.screenshot({ path: `${ARTIFACTS}embed-hostile-1200.png`, fullPage: true });
      await context.close();
    }
  });

  it('resizes an iframe in a host page from the height messages', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
    const page = await context.newPage();
    const src = `${seeded.url}/embed/map?focus=chip:nvidia-h20`;
    // The host page is a story on another origin (a second loopback server), as on a newsroom site.
    const host = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><body style="margin:0"><p>Story text</p><iframe id="f" src="${src}" style="border:0;width:320px;height:100px"></iframe>${HOST_SNIPPET}</body>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/story.html`);
    const frameHeight = () => page.evaluate(() => (document.getElementById('f') as HTMLIFrameElement).getBoundingClientRect().height);
    const innerHeight = async () =>
      await page
        .frames()
        .find((f) => f.url() === src)!
        .evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    await page.waitForFunction(() => (document.getElementById('f') as HTMLIFrameElement).getBoundingClientRect().height > 100);
    const narrow = await frameHeight();
    expect(Math.abs(narrow - (await innerHeight()))).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `${ARTIFACTS}embed-host-320.png`, fullPage: true });
    await page.evaluate(() => ((document.getElementById('f') as HTMLIFrameElement).style.width = '1200px'));
    await page.waitForFunction((h) => Math.abs((document.getElementById('f') as HTMLIFrameElement).getBoundingClientRect().height - h) > 20, narrow);
    expect(Math.abs((await frameHeight()) - (await innerHeight()))).toBeLessThanOrEqual(1);
    await context.close();
    await new Promise((resolve) => host.close(resolve));
  });
});
