/**
 * PDFs of documents, printed by Chromium on the server from the same HTML as the clean view:
 * A4 with page numbers and a footer naming the release and when the document was made; in
 * demo mode every footer also says that the numbers are synthetic (`note`). One browser is
 * started on the first PDF and reused.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { DocumentError } from './errors.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export class PdfPrinter {
  private browser: Promise<Browser> | null = null;

  /** `note`: a line added to every footer (the demo's "synthetic numbers"). */
  constructor(private readonly executablePath?: string, private readonly note?: string) {}

  private launch(): Promise<Browser> {
    const path = this.executablePath ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
    if (!path || !existsSync(path)) {
      throw new DocumentError(503, 'pdf_unavailable', 'PDF kræver Chromium på serveren, og det findes ikke. Installér Chromium (fx apt-get install chromium), eller sæt CHROMIUM_PATH. Dokumentets HTML-visning virker uden.');
    }
    this.browser ??= chromium.launch({ executablePath: path, args: ['--no-sandbox', '--disable-dev-shm-usage'] }).catch((e: unknown) => {
      this.browser = null;
      throw e;
    });
    return this.browser;
  }

  async print(html: string, footer: string): Promise<Buffer> {
    const browser = await this.launch();
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-size:8px;font-family:Arial,sans-serif;width:100%;margin:0 14mm;display:flex;justify-content:space-between;align-items:flex-end;gap:4mm;color:#454545"><span>${esc(footer)}${this.note ? `<br><strong>${esc(this.note)}</strong>` : ''}</span><span style="white-space:nowrap">Side <span class="pageNumber"></span> af <span class="totalPages"></span></span></div>`,
        margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
        tagged: true,
        outline: true,
      });
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    if (b) await (await b).close().catch(() => undefined);
  }
}
