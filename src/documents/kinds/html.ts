/**
 * The pieces the kinds' HTML is made of: escaping, numbers in Danish, texts as paragraphs, a
 * list of targets with status and chart, and numbered footnotes for missing values.
 */
import { formatValue, periodName, targetAmount } from '../../statbank/shared.js';
import { statusLabels, type Target, type TargetEvaluation } from '../../targets/shared.js';
import { change, footnotes, noChange } from '../audit-notes.js';
import type { TargetView } from './base.js';

export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
export const fmt = (v: number | null | undefined, decimals = 0) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toLocaleString('da-DK', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
export const fmtAuto = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toLocaleString('da-DK', { maximumFractionDigits: 2 }));
export const paragraphs = (s: string, empty = 'Ikke udfyldt.') => (s.trim() === '' ? `<p class="empty">${esc(empty)}</p>` : s.trim().split(/\n\s*\n/).map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`).join(''));
export const signed = (v: number | null, d = 1) => (v === null ? '–' : `${v > 0 ? '+' : ''}${fmt(v, d)} %`);


/** A target's series, its forecast band to the deadline and the target line, as SVG. */
function targetChart(v: TargetView, title: string): string {
  const e = v.evaluation;
  const pts = v.series.map((p, i) => ({ i, v: p.value }));
  const observed = pts.filter((p): p is { i: number; v: number } => p.v !== null);
  if (observed.length < 2 || !e.target) return '';
  const fc = e.forecast;
  const steps = fc ? Math.max(1, stepsBetween(v.series.at(-1)!.period, fc.period)) : 0;
  const n = pts.length + steps;
  const values = [...observed.map((p) => p.v), e.target.value, ...(fc ? [fc.lower, fc.upper] : [])];
  let lo = Math.min(...values), hi = Math.max(...values);
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  const W = 560, H = 170, L = 56, R = 10, T = 10, B = 24;
  const x = (i: number) => L + (i / Math.max(1, n - 1)) * (W - L - R);
  const y = (val: number) => T + (1 - (val - lo) / (hi - lo)) * (H - T - B);
  const line = observed.map((p, k) => `${k ? 'L' : 'M'}${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join('');
  const last = observed.at(-1)!;
  const band = fc ? `<path d="M${x(last.i)},${y(last.v)}L${x(n - 1)},${y(fc.upper)}L${x(n - 1)},${y(fc.lower)}Z" fill="#cfe2f3" stroke="none"/><line x1="${x(last.i)}" y1="${y(last.v)}" x2="${x(n - 1)}" y2="${y(fc.value)}" stroke="#004993" stroke-dasharray="4 3"/>` : '';
  const ticks = [lo + pad, hi - pad].map((t) => `<text x="${L - 4}" y="${y(t) + 4}" text-anchor="end">${esc(fmtAuto(t))}</text>`).join('');
  return `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg" font-size="11" font-family="inherit">
<title>${esc(title)}</title>${band}<line x1="${L}" x2="${W - R}" y1="${y(e.target.value)}" y2="${y(e.target.value)}" stroke="#b51d09" stroke-width="1.5"/>
<path d="${line}" fill="none" stroke="#1a1a1a" stroke-width="2"/>${ticks}
<text x="${L}" y="${H - 6}">${esc(v.series[0]!.period)}</text><text x="${W - R}" y="${H - 6}" text-anchor="end">${esc(fc?.period ?? v.series.at(-1)!.period)}</text></svg>
<figcaption>Sort: faktisk. Rød: målet (${esc(fmtAuto(e.target.value))}).${fc ? ` Blå: prognose med ${Math.round(fc.level * 100)} %-interval.` : ''}</figcaption></figure>`;
}

/** Periods between two period ids of the same frequency (M, Q, Y or rolling year). */
function stepsBetween(a: string, b: string): number {
  const k = (p: string) => {
    const end = p.includes('-') ? p.split('-')[1]! : p;
    const m = /^(\d{4})(?:([MQ])(\d{2}|\d))?$/.exec(end);
    if (!m) return 0;
    const y = Number(m[1]);
    return m[2] === 'M' ? y * 12 + Number(m[3]) : m[2] === 'Q' ? y * 4 + Number(m[3]) : y;
  };
  return k(b) - k(a);
}

const statusBadge = (e: TargetEvaluation) => `<span class="status status-${e.status}">${esc(statusLabels[e.status])}</span>`;

export function targetsTable(targets: Target[], views: TargetView[], base: string): string {
  if (targets.length === 0) return '<p class="empty">Ingen mål.</p>';
  const rows = targets.map((t, i) => {
    const v = views.find((x) => x.path === `${base}.${i}`);
    const e = v?.evaluation;
    return `<tr><td>${esc(t.title)}${v?.indicator ? `<div class="small">${esc(v.indicator)}</div>` : ''}</td>
<td>${e?.target && t.indicator ? `${e.target.direction === 'at_least' ? 'Mindst' : 'Højst'} ${esc(formatValue(targetAmount(e.target.value, t.indicator.measure, e.target.direction), t.indicator.measure))} i ${esc(periodName(t.deadline ?? ''))}` : '–'}</td>
<td>${e?.latest && t.indicator ? `${esc(formatValue(e.latest.value, t.indicator.measure))} (${esc(periodName(e.latest.period))})` : '–'}</td>
<td>${e ? statusBadge(e) : '–'}<div class="small">${esc(e?.reason ?? '')}</div></td></tr>`;
  });
  const charts = targets.map((t, i) => views.find((x) => x.path === `${base}.${i}`)).filter((v): v is TargetView => !!v).map((v, i) => targetChart(v, `Udvikling og prognose: ${targets[i]!.title}`)).join('');
  return `<table><thead><tr><th scope="col">Mål</th><th scope="col">Målværdi</th><th scope="col">Seneste tal</th><th scope="col">Status</th></tr></thead><tbody>${rows.join('')}</tbody></table>${charts}`;
}

/** Footnotes for missing values: each distinct reason once, numbered; a missing cell shows "–" and its number. */
export function notes() {
  const f = footnotes();
  const cell = (v: number | null, d: number, why: string | undefined) => (v !== null ? fmt(v, d) : why ? `–<sup>${f.number(why)}</sup>` : '–');
  const html = () => (f.reasons.length ? `<ol class="notes small">${f.reasons.map((w) => `<li>${esc(w)}</li>`).join('')}</ol>` : '');
  return { cell, html };
}

/** The change in per cent, or "–" with a note when one of the years has no value (or the first is 0). */
export const dev = (n: { cell: (v: number | null, d: number, why: string | undefined) => string }, cur: number | null, prev: number | null) => {
  const c = change(cur, prev);
  return c === null ? n.cell(null, 1, noChange) : signed(c);
};

