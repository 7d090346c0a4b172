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
import { layoutProblems, type DrawnMap } from './layout-checks.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
/** Maps of the seeded graph measured in the browser: focus maps and scenario maps. */
const BROWSER_SET = ['focus=chip:nvidia-h20', 'focus=org:tsmc', 'focus=lab:deepseek', 'focus=cloud:microsoft-azure', 'scenario=h20-ban', 'scenario=cloud-act-ruling'];
const WIDTHS = [375, 680, 1200];

/** Runs in the page: the visible drawing's boxes, text boxes, edge segments and labels, in page pixels. */
function measure(): DrawnMap {
  const all = (root: ParentNode, sel: string): Element[] => Array.from(root.querySelectorAll(sel));
  const svg = all(document, '.map svg').find((el) => el.getBoundingClientRect().width > 0)!;
  const rect = (r: DOMRect) => ({ x: r.x, y: r.y, w: r.width, h: r.height });
  const boxes = all(svg, '.node').map((g) => ({
    ...rect(g.querySelector('rect')!.getBoundingClientRect()),
    name: all(g, '.name tspan')
      .map((t) => t.textContent)
      .join(' '),
    // lines as laid out by the browser: distinct baselines of the name's tspans
    lines: new Set(all(g, '.name tspan').map((t) => Math.round(t.getBoundingClientRect().y))).size,
    text: all(g, 'text').map((t) => rect(t.getBoundingClientRect())),
  }));
  const segments = all(svg, '.edge path:first-child').flatMap((el) => {
    const p = el as SVGPathElement;
    const m = p.getScreenCTM()!;
    const pts: DOMPoint[] = p
      .getAttribute('d')!
      .replace(/^M/, '')
      .split(' L')
      .map((xy: string) => {
        const [x, y] = xy.split(',').map(Number);
        return new DOMPoint(x, y).matrixTransform(m);
      });
    return pts.slice(1).map((q: DOMPoint, i: number) => ({ x1: pts[i]!.x, y1: pts[i]!.y, x2: q.x, y2: q.y }));
  });
  const labels = all(svg, '.elabel').map((t) => rect(t.getBoundingClientRect()));
  return { boxes, segments, labels, width: document.documentElement.clientWidth };
}

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
      await context.close();
    });
  }

  // The fixed set of maps at phone, article and wide widths, measured in the browser with its real
  // fonts: text inside its box, no overlapping boxes, no edge segment through a box, labels clear
  // of boxes and of each other, every name unique as drawn.
  for (const q of BROWSER_SET)
    it(`draws ${q} legibly at ${WIDTHS.join(', ')} px`, async () => {
      for (const width of WIDTHS) {
        const { context, page, errors } = await open(`${seeded.url}/embed/map?${q}`, width);
        expect(errors).toEqual([]);
        const drawn = await page.evaluate(measure);
        expect(drawn.boxes.length, `${q} at ${width}`).toBeGreaterThan(0);
        expect(layoutProblems(drawn), `${q} at ${width}`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: `${ARTIFACTS}embed-${q.replace(/[^a-z0-9]+/gi, '-')}-${width}.png`, fullPage: true });
        await context.close();
      }
    });

  it('sizes the oEmbed iframe so that, without JavaScript, the whole map shows with little to spare', async () => {
    for (const q of ['focus=chip:nvidia-h20', 'scenario=cloud-act-ruling'])
      for (const width of WIDTHS) {
        const o = (await (await fetch(`${seeded.url}/oembed?url=${encodeURIComponent(`${seeded.url}/embed/map?${q}`)}&maxwidth=${width}`)).json()) as { height: number; html: string };
        const { context, page } = await open(/src="([^"]+)"/.exec(o.html)![1]!.replace(/&amp;/g, '&'), width);
        const actual = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        expect(o.height, `${q} at ${width}`).toBeGreaterThanOrEqual(actual);
        expect(o.height, `${q} at ${width}`).toBeLessThanOrEqual(actual * 1.15 + 20);
        await context.close();
      }
  });

  it('opens the sources of a node by click, by keyboard and by tap, and of an edge by click and by keyboard', async () => {
    const url = `${hostile.url}/embed/map?focus=chip:test-h20`;
    const { context, page, errors } = await open(url, 680);
    const panel = page.locator('#panel');
    await expect.poll(() => panel.isHidden()).toBe(true);
    await page.locator('.map-medium .node', { hasText: 'City services' }).click();
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.textContent()).toContain('deployment:test-city RUNS_ON chip:test-h20');
    // keyboard: Tab to a node, Enter opens, focus moves to the close button, Escape closes and gives focus back
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isHidden()).toBe(true);
    await page.locator('.map-medium .node').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('close');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-ref'))).toBe('n0');
    // an edge: its sources
    // a click on the middle of an edge's track (in a gutter, clear of boxes)
    const at = await page.evaluate(() => {
      const p = document.querySelector<SVGPathElement>('.map-medium .edge path')!;
      const pts = p
        .getAttribute('d')!
        .replace(/^M/, '')
        .split(' L')
        .map((xy) => new DOMPoint(...(xy.split(',').map(Number) as [number, number])).matrixTransform(p.getScreenCTM()!));
      return { x: (pts[1]!.x + pts[2]!.x) / 2, y: (pts[1]!.y + pts[2]!.y) / 2 };
    });
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => panel.locator('h2').textContent()).toMatch(/runs on|designed by|headquartered in|located in/);
    expect(await panel.locator('q').count()).toBeGreaterThan(0);
    // the hostile name stays text in the panel too
    expect(await page.locator('#panel img').count()).toBe(0);
    // keyboard: every line is a Tab stop right after its source box; Enter or Space opens its sources
    await page.keyboard.press('Escape');
    const stops = await page.evaluate(() => Array.from(document.querySelectorAll('.map-medium [tabindex="0"]')).map((el) => el.getAttribute('data-ref')!));
    const lines = await page.evaluate(() => new Set(Array.from(document.querySelectorAll('.map-medium .edge')).map((el) => el.getAttribute('data-ref'))).size);
    expect(stops.filter((r) => r.startsWith('e')).sort()).toEqual(Array.from({ length: lines }, (_, k) => `e${k}`).sort());
    const pair = await page.evaluate(() => {
      const key = document.querySelector('.map-medium .edge-key')!;
      return { line: key.getAttribute('data-ref')!, box: key.previousElementSibling!.getAttribute('data-ref')!, words: key.getAttribute('aria-label')! };
    });
    expect(pair.box).toMatch(/^n\d+$/);
    await page.locator(`.map-medium [data-ref="${pair.box}"]`).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-ref'))).toBe(pair.line);
    // the focused line shows
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('path')!).stroke)).not.toBe('transparent');
    await page.screenshot({ path: `${ARTIFACTS}embed-line-focused-680.png` });
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('h2').textContent()).toMatch(/runs on|designed by|headquartered in|located in/);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('close');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-ref'))).toBe(pair.line);
    await page.keyboard.press(' ');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(pair.words).toMatch(/runs on|designed by|headquartered in|located in/);
    expect(errors).toEqual([]);
    await context.close();
    const touch = await browser.newContext({ viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
    const phone = await touch.newPage();
    await phone.goto(url);
    await phone.locator('.map-narrow .node', { hasText: 'NVIDIA H20' }).tap();
    await expect.poll(() => phone.locator('#panel').isVisible()).toBe(true);
    await touch.close();
  });

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
