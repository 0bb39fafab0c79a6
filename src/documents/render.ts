/**
 * A document as one self-contained HTML page (inline CSS, SVG charts, no scripts): the clean
 * view to read or print, and the page Chromium turns into the PDF. Built only from the
 * DocumentView, so the same document revision and release always give the same content; the
 * chapters are the kind's (kinds/), the comments and the frame are the same for all.
 */
import type { HtmlSection } from './kinds/base.js';
import { esc, paragraphs } from './kinds/html.js';
import { kindSpec, type DocumentView } from './kinds/index.js';

export { esc, paragraphs } from './kinds/html.js';
export type { HtmlSection as Section } from './kinds/base.js';

export function renderDocumentHtml(v: DocumentView): string {
  const d = v.document;
  const spec = kindSpec(d.kind);
  const sections = spec.html(d.content, v);
  const comments = spec.comments ? (d.content as { comments?: { lbr: string; region: string } }).comments : undefined;
  // The plan's annex, the audit's comments section: the LBR's and the region's adopted hearing responses.
  if (spec.comments && comments) sections.push({ id: 'bemaerkninger', title: spec.comments, html: `<h3>Det lokale beskæftigelsesråd (LBR)</h3>${paragraphs(comments.lbr, 'Ingen bemærkninger.')}<h3>Beskæftigelsesregionen</h3>${paragraphs(comments.region, 'Ingen bemærkninger.')}` });
  const approval = d.approval ? `<p>${esc(spec.approvedBy?.done ?? 'Godkendt af kommunalbestyrelsen')} ${esc(d.approval.date)}: ${esc(d.approval.decision)}</p>` : '';
  return renderPage(
    v.title,
    `<p class="meta">${esc(v.state_name)} · version ${d.revision}</p><h1>${esc(v.title)}</h1>${approval}
<p class="meta">Mål og tal er beregnet på udgivelse ${esc(v.release?.version ?? '–')}${v.release ? ` (data til og med ${esc(v.release.cutoff_week)})` : ''}.</p>`,
    sections,
  );
}

/** A self-contained page (for the browser and for Chromium's PDF): header, table of contents, sections. */
export function renderPage(title: string, header: string, sections: HtmlSection[]): string {
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>${esc(title)}</title><meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:"IBM Plex Sans",Arial,sans-serif;color:#1a1a1a;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5;font-size:11pt}
h1{font-size:1.8rem;margin:0 0 .5rem}h2{font-size:1.35rem;margin-top:2rem;border-bottom:1px solid #747474;padding-bottom:.2rem}h3{font-size:1.1rem;margin-top:1.2rem}h4{font-size:1rem;margin:.8rem 0 .2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}th,td{border-bottom:1px solid #bfbfbf;padding:.3rem .4rem;text-align:left;vertical-align:top}th{background:#f5f5f5}.num{text-align:right;white-space:nowrap}
caption{text-align:left;font-weight:600;padding:.2rem 0}.small{font-size:.8rem;color:#454545}.empty{color:#454545;font-style:italic}
.status{display:inline-block;padding:0 .4rem;border-radius:3px;font-weight:600;font-size:.85rem}.status-met,.status-on_track{background:#eaf4dd;color:#2b6b00}.status-at_risk{background:#fff1cc;color:#6b4f00}.status-off_track,.status-missed{background:#fbe9e6;color:#a0170a}.status-not_measurable,.status-no_data{background:#eee;color:#333}
.meta{color:#454545}nav ol{padding-left:1.2rem}figure.chart{margin:.5rem 0 1rem;break-inside:avoid}figure.chart svg{width:100%;height:auto}figcaption{font-size:.8rem;color:#454545}
dl{display:grid;grid-template-columns:14rem 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}}
</style></head><body>
<header>${header}</header>
<nav aria-label="Indhold"><h2>Indhold</h2><ol>${sections.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join('')}</ol></nav>
<main>${sections.map((s) => `<section aria-labelledby="${s.id}"><h2 id="${s.id}">${esc(s.title)}</h2>${s.html}</section>`).join('\n')}</main>
</body></html>`;
}
