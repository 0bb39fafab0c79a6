/**
 * Web benchmarks: the initial JS bundle (gzipped), and the time to first render of the
 * jobcenter page in Chromium with a cold and a warm cache, each as a ratio to the
 * browser's floor: loading a static page of the same server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';

export function bundleSize(distDir: string): { jsGzipKb: number; cssGzipKb: number } {
  const assets = join(distDir, 'assets');
  const index = readFileSync(join(distDir, 'index.html'), 'utf8');
  const initial = [...index.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]!);
  const size = (ext: string) => initial.filter((f) => f.endsWith(ext) && readdirSync(assets).includes(f)).reduce((n, f) => n + gzipSync(readFileSync(join(assets, f))).length, 0) / 1024;
  return { jsGzipKb: size('.js'), cssGzipKb: size('.css') };
}

const chromiumPath = () => process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => { try { readFileSync(p); return true; } catch { return false; } });

/** Milliseconds from navigation start until the first key-figure card is visible. */
export async function firstRender(base: string, path: string): Promise<{ coldMs: number; warmMs: number; floorMs: number } | null> {
  const executablePath = chromiumPath();
  if (!executablePath) return null;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const time = async (page: Page, url: string, ready: string) => {
      const t0 = performance.now();
      await page.goto(url);
      await page.locator(ready).first().waitFor();
      return performance.now() - t0;
    };
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const floorMs = await time(page, `${base}/api/health`, 'body');
    const coldMs = await time(page, base + path, '.profile-card');
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push(await time(page, base + path, '.profile-card'));
    warm.sort((a, b) => a - b);
    await ctx.close();
    return { coldMs, warmMs: warm[2]!, floorMs };
  } finally {
    await browser.close();
  }
}
