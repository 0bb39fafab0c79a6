/**
 * A document as one self-contained HTML page (inline CSS, SVG charts, no scripts): the clean
 * view to read or print, and the page Chromium turns into the PDF. Built only from the
 * DocumentView, so the same document revision and release always give the same content.
 */
import { mioKr } from '../benchmark/savings-text.js';
import { formatValue, periodName, targetAmount } from '../statbank/index.js';
import { describeIndicator, statusLabels, type Target, type TargetEvaluation } from '../targets/index.js';
import type { AuditGenerated, IndicatorRow } from './audit.js';
import { responseApprovalNames, type AuditContent, type ImplementationPlanContent, type PlanContent, type RulesContent } from './content.js';
import { change, footnotes, noChange, notRated, scaledNote } from './audit-notes.js';
import type { DocumentView, TargetView } from './view.js';

export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
export const fmt = (v: number | null | undefined, decimals = 0) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toLocaleString('da-DK', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
const fmtAuto = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toLocaleString('da-DK', { maximumFractionDigits: 2 }));
export const paragraphs = (s: string, empty = 'Ikke udfyldt.') => (s.trim() === '' ? `<p class="empty">${esc(empty)}</p>` : s.trim().split(/\n\s*\n/).map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`).join(''));
const signed = (v: number | null, d = 1) => (v === null ? '–' : `${v > 0 ? '+' : ''}${fmt(v, d)} %`);

export interface Section {
  id: string;
  title: string;
  html: string;
}

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

function targetsTable(targets: Target[], views: TargetView[], base: string): string {
  if (targets.length === 0) return '<p class="empty">Ingen mål.</p>';
  const rows = targets.map((t, i) => {
    const v = views.find((x) => x.path === `${base}.${i}`);
    const e = v?.evaluation;
    return `<tr><td>${esc(t.title)}${t.indicator ? `<div class="small">${esc(describeIndicator(t.indicator))}</div>` : ''}</td>
<td>${e?.target && t.indicator ? `${e.target.direction === 'at_least' ? 'Mindst' : 'Højst'} ${esc(formatValue(targetAmount(e.target.value, t.indicator.measure, e.target.direction), t.indicator.measure))} i ${esc(periodName(t.deadline ?? ''))}` : '–'}</td>
<td>${e?.latest && t.indicator ? `${esc(formatValue(e.latest.value, t.indicator.measure))} (${esc(periodName(e.latest.period))})` : '–'}</td>
<td>${e ? statusBadge(e) : '–'}<div class="small">${esc(e?.reason ?? '')}</div></td></tr>`;
  });
  const charts = targets.map((t, i) => views.find((x) => x.path === `${base}.${i}`)).filter((v): v is TargetView => !!v).map((v, i) => targetChart(v, `Udvikling og prognose: ${targets[i]!.title}`)).join('');
  return `<table><thead><tr><th scope="col">Mål</th><th scope="col">Målværdi</th><th scope="col">Seneste tal</th><th scope="col">Status</th></tr></thead><tbody>${rows.join('')}</tbody></table>${charts}`;
}

function planSections(c: PlanContent, v: DocumentView): Section[] {
  const s: Section[] = [];
  s.push({
    id: 'ministermaal',
    title: 'Ministermål',
    html: c.goals.length === 0 ? '<p class="empty">Ingen ministermål.</p>' : c.goals.map((g, i) => `<h3 id="ministermaal-${g.number}">${esc(`${g.number}. ${g.title}`)}</h3><h4>Strategi</h4>${paragraphs(g.strategy)}<h4>Mål</h4>${targetsTable(g.targets, v.targets, `goals.${i}.targets`)}`).join(''),
  });
  s.push({
    id: 'udfordringer',
    title: 'De vigtigste udfordringer',
    html: c.challenges.length === 0 ? '<p class="empty">Ingen udfordringer beskrevet.</p>' : c.challenges.map((x, ci) => {
      const figs = v.figures.filter((f) => f.path.startsWith(`challenges.${ci}.`));
      return `<h3>${esc(x.title)}</h3>${paragraphs(x.text)}${figs.length ? `<table><caption>Tal fra statistikbanken (udgivelse ${esc(v.release?.version ?? '–')})</caption><thead><tr><th scope="col">Tal</th><th scope="col">Periode</th><th scope="col">Værdi</th></tr></thead><tbody>${figs.map((f) => `<tr><td>${esc(f.label)}</td><td>${esc(f.period ?? '–')}</td><td class="num">${esc(fmtAuto(f.value))}${f.note ? `<div class="small">${esc(f.note)}</div>` : ''}</td></tr>`).join('')}</tbody></table>` : ''}`;
    }).join(''),
  });
  s.push({ id: 'borgerrettet', title: 'Den borgerrettede indsats', html: `<h3>Strategi</h3>${paragraphs(c.citizen.strategy)}<h3>Mål</h3>${targetsTable(c.citizen.targets, v.targets, 'citizen.targets')}` });
  s.push({ id: 'virksomhedsrettet', title: 'Den virksomhedsrettede indsats', html: `<h3>Strategi</h3>${paragraphs(c.business.strategy)}<h3>Mål</h3>${targetsTable(c.business.targets, v.targets, 'business.targets')}<h3>LBR’s plan for LBR-midlerne</h3>${paragraphs(c.business.council_grants)}` });
  s.push({ id: 'andre-aktoerer', title: 'Andre aktører', html: `<p>Andel af indsatsen, der forventes varetaget af andre aktører: <strong>${c.other_actors.share_pct === null ? 'ikke angivet' : `${esc(fmtAuto(c.other_actors.share_pct))} %`}</strong></p>${paragraphs(c.other_actors.strategy)}` });
  if (c.local_goals.length) s.push({ id: 'lokale-maal', title: 'Lokale mål', html: c.local_goals.map((g, i) => `<h3>${esc(g.title)}</h3>${paragraphs(g.strategy)}${targetsTable(g.targets, v.targets, `local_goals.${i}.targets`)}`).join('') });
  const sum = (k: 'state' | 'municipal') => c.budget.lines.reduce((a, l) => a + (l[k] ?? 0), 0);
  s.push({
    id: 'budget',
    title: 'Budget',
    html: `<table><thead><tr><th scope="col">Budgetlinje</th><th scope="col" class="num">Statslig del (kr.)</th><th scope="col" class="num">Kommunal del (kr.)</th><th scope="col" class="num">I alt (kr.)</th></tr></thead><tbody>${c.budget.lines.map((l) => `<tr><td>${esc(l.label)}</td><td class="num">${fmt(l.state)}</td><td class="num">${fmt(l.municipal)}</td><td class="num">${fmt((l.state ?? 0) + (l.municipal ?? 0))}</td></tr>`).join('')}</tbody><tfoot><tr><th scope="row">I alt</th><td class="num">${fmt(sum('state'))}</td><td class="num">${fmt(sum('municipal'))}</td><td class="num">${fmt(sum('state') + sum('municipal'))}</td></tr></tfoot></table>${paragraphs(c.budget.note, '')}`,
  });
  return s;
}

/** Footnotes for missing values: each distinct reason once, numbered; a missing cell shows "–" and its number. */
function notes() {
  const f = footnotes();
  const cell = (v: number | null, d: number, why: string | undefined) => (v !== null ? fmt(v, d) : why ? `–<sup>${f.number(why)}</sup>` : '–');
  const html = () => (f.reasons.length ? `<ol class="notes small">${f.reasons.map((w) => `<li>${esc(w)}</li>`).join('')}</ol>` : '');
  return { cell, html };
}

/** The change in per cent, or "–" with a note when one of the years has no value (or the first is 0). */
const dev = (n: { cell: (v: number | null, d: number, why: string | undefined) => string }, cur: number | null, prev: number | null) => {
  const c = change(cur, prev);
  return c === null ? n.cell(null, 1, noChange) : signed(c);
};

const indicatorTable = (rows: IndicatorRow[], year: number) => {
  const n = notes();
  // An audit drafted before the periods were stored read the rolling years.
  const cur = periodName(rows[0]?.period ?? `${year}M01-${year}M12`), prev = periodName(rows[0]?.previous_period ?? `${year - 1}M01-${year - 1}M12`);
  const body = rows
    .map((r) => `<tr><td>${esc(r.label)}</td><td>${esc(r.unit ?? '')}</td><td class="num">${n.cell(r.previous, r.decimals, r.missing?.previous)}</td><td class="num">${n.cell(r.current, r.decimals, r.missing?.current)}</td><td class="num">${dev(n, r.current, r.previous)}</td><td class="num">${n.cell(r.cluster_current, r.decimals, r.missing?.cluster_current)}</td><td class="num">${dev(n, r.cluster_current, r.cluster_previous)}</td></tr>`)
    .join('');
  return `<table><thead><tr><th scope="col">Indikator</th><th scope="col">Enhed</th><th scope="col" class="num">${esc(prev)}</th><th scope="col" class="num">${esc(cur)}</th><th scope="col" class="num">Udvikling</th><th scope="col" class="num">Klyngen ${esc(cur)}</th><th scope="col" class="num">Klyngens udvikling</th></tr></thead><tbody>${body}</tbody></table>${n.html()}<p class="small">${esc(scaledNote)}</p>`;
};

/** Actual ÷ expected per measure as a dot plot around 1 (a log scale, so 0,9 and 1,1 lie equally far out). */
function ratioChart(g: AuditGenerated): string {
  const rows = g.overview.filter((r) => r.ratio !== null);
  if (rows.length === 0) return '';
  const W = 620, rowH = 18, L = 290, R = 50, T = 4, H = rows.length * rowH + T + 30;
  const span = Math.max(0.1, ...rows.map((r) => Math.abs(Math.log(r.ratio!)))) * 1.1;
  const x = (v: number) => L + ((Math.log(v) + span) / (2 * span)) * (W - L - R);
  const ticks = [Math.exp(-span / 1.1), 1, Math.exp(span / 1.1)];
  const dots = rows.map((r, i) => {
    const bad = r.higher_is_better ? r.ratio! < 1 : r.ratio! > 1;
    const cy = T + i * rowH + rowH / 2, cx = x(r.ratio!);
    // The value's label on the side away from 1, kept inside the page.
    const right = r.ratio! >= 1;
    return `<text x="${L - 6}" y="${cy + 3.5}" text-anchor="end">${esc(r.label.length > 50 ? `${r.label.slice(0, 49)}…` : r.label)}</text><line x1="${x(1).toFixed(1)}" x2="${cx.toFixed(1)}" y1="${cy}" y2="${cy}" stroke="${bad ? '#b51d09' : '#358000'}" stroke-width="2"/><circle cx="${cx.toFixed(1)}" cy="${cy}" r="4" fill="${bad ? '#b51d09' : '#358000'}"/><text x="${(right ? cx + 7 : cx - 7).toFixed(1)}" y="${cy + 3.5}" text-anchor="${right ? 'start' : 'end'}">${esc(fmt(r.ratio, 3))}</text>`;
  });
  const axis = ticks.map((t) => `<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${T}" y2="${H - 24}" stroke="${t === 1 ? '#1a1a1a' : '#bfbfbf'}"${t === 1 ? '' : ' stroke-dasharray="2 3"'}/><text x="${x(t).toFixed(1)}" y="${H - 12}" text-anchor="middle">${esc(fmt(t, 2))}</text>`).join('');
  return `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Faktisk niveau i forhold til forventet niveau" xmlns="http://www.w3.org/2000/svg" font-size="10" font-family="inherit"><title>Faktisk niveau i forhold til forventet niveau</title>${axis}${dots.join('')}<text x="${x(1).toFixed(1)}" y="${H - 2}" text-anchor="middle">1 = som forventet</text></svg><figcaption>Faktisk i forhold til forventet niveau, ${esc(periodName(g.period))}, vist omkring 1. Rød: dårligere end forventet. Grøn: bedre.</figcaption></figure>`;
}

function auditSections(c: AuditContent): Section[] {
  const g = c.generated as unknown as AuditGenerated;
  const y = g.year;
  const s: Section[] = [];
  const on = notes();
  s.push({
    id: 'grundlag',
    title: 'Grundlag',
    html: `<dl><dt>Område</dt><dd>${esc(g.jobcenter.name)}${g.jobcenter.region ? `, ${esc(g.jobcenter.region.name)}` : ''}</dd><dt>Periode</dt><dd>${y} (løbende år ${esc(g.period)}) sammenlignet med ${y - 1} (${esc(g.previous_period)})</dd><dt>Tal</dt><dd>Udgivelse ${g.release.version} (data til og med ${esc(g.release.cutoff_week)}) og dens benchmarking (kørsel ${g.run})</dd><dt>Sammenligningsgrundlag</dt><dd>Klynge ${g.cluster.number}: ${g.cluster.members.map((m) => esc(m.name)).join(', ')}</dd><dt>Nærmeste sammenlignelige jobcentre</dt><dd>${g.neighbours.map((m) => esc(m.name)).join(', ')}</dd></dl>`,
  });
  s.push({
    id: 'resultater',
    title: 'Resultatoversigt',
    html: `<p>${esc(g.text.overview)}</p><table><thead><tr><th scope="col">Mål</th><th scope="col">Enhed</th><th scope="col" class="num">${y - 1}</th><th scope="col" class="num">${y}</th><th scope="col" class="num">Klyngen (gns.)</th><th scope="col" class="num">Forventet</th><th scope="col" class="num">Faktisk/forventet</th><th scope="col" class="num">Placering</th></tr></thead><tbody>${g.overview
      .map((r) => `<tr><td>${esc(r.label)}</td><td>${esc(r.unit)}</td><td class="num">${on.cell(r.previous, 2, r.missing?.previous)}</td><td class="num">${on.cell(r.current, 2, r.missing?.current)}</td><td class="num">${on.cell(r.cluster, 2, r.missing?.cluster)}</td><td class="num">${on.cell(r.expected, 2, r.missing?.expected)}</td><td class="num">${on.cell(r.ratio, 3, notRated)}</td><td class="num">${on.cell(r.rank, 0, notRated)}</td></tr>`)
      .join('')}</tbody></table>${on.html()}<p class="small">Løbende år ${esc(periodName(g.previous_period))} og ${esc(periodName(g.period))}. Andele er fuldtidspersoner i pct. af befolkningen 16-66 år; klyngen er gennemsnittet af klyngens jobcentre.</p>${ratioChart(g)}<h3>Jobcenterets analyse</h3>${paragraphs(c.analysis.results)}`,
  });
  s.push({
    id: 'ministermaal',
    title: 'Ministermålene',
    html: `<p>${esc(g.text.goals)}</p>${g.goals.items.map((x) => `<h3>${x.number}. ${esc(x.title)}</h3>${x.indicators.length ? indicatorTable(x.indicators, y) : '<p class="empty">Statistikbanken har ingen indikator for dette mål.</p>'}`).join('')}<h3>Jobcenterets analyse</h3>${paragraphs(c.analysis.goals)}`,
  });
  s.push({ id: 'ydelser', title: 'Personer på offentlige ydelser efter målgruppe', html: `<p>${esc(g.text.benefits)}</p><p class="small">Fuldtidspersoner, gennemsnit for året (løbende år).</p>${indicatorTable(g.benefits, y)}` });
  s.push({
    id: 'besparelse',
    title: 'Besparelsespotentiale',
    html: `<p>${esc(g.text.savings)}</p><table><thead><tr><th scope="col">Ydelse</th><th scope="col" class="num">Fuldtidspersoner over forventet</th><th scope="col" class="num">Kr. pr. år</th><th scope="col" class="num">Fuldtidspersoner over klyngens bedste kvartil</th><th scope="col" class="num">Kr. pr. år</th></tr></thead><tbody>${[...(g.savings.total ? [g.savings.total] : []), ...g.savings.rows].map((r) => `<tr>${r.category === 'public_support' ? `<th scope="row">${esc(r.label)}</th>` : `<td>${esc(r.label)}</td>`}<td class="num">${fmt(r.fulltime)}</td><td class="num">${esc(mioKr(r.dkk))}</td><td class="num">${fmt(r.fulltime_best)}</td><td class="num">${esc(mioKr(r.dkk_best))}</td></tr>`).join('')}</tbody></table>${g.savings.method ? `<p class="small">${esc(g.savings.method)}</p>` : ''}`,
  });
  s.push({ id: 'forbedringer', title: 'Forslag til forbedringsområder', html: `<p>${esc(g.text.improvements)}</p>${g.improvements.length ? `<ol>${g.improvements.map((i) => `<li>${esc(i.text)}</li>`).join('')}</ol>` : ''}<h3>Jobcenterets opfølgning</h3>${paragraphs(c.analysis.improvements)}` });
  s.push({
    id: 'planens-maal',
    title: `Status for målene i beskæftigelsesplanen ${y}`,
    html: `<p>${esc(g.text.plan)}</p>${g.plan && g.plan.targets.length ? `<table><thead><tr><th scope="col">Afsnit</th><th scope="col">Mål</th><th scope="col">Status</th></tr></thead><tbody>${g.plan.targets.map((t) => `<tr><td>${esc(t.section)}</td><td>${esc(t.description)}</td><td><span class="status status-${t.status}">${esc(t.status_label)}</span><div class="small">${esc(t.reason)}</div></td></tr>`).join('')}</tbody></table>` : ''}`,
  });
  s.unshift({ id: 'sammenfatning', title: 'Sammenfatning', html: paragraphs(c.analysis.summary) });
  return s;
}

const implementationSections = (c: ImplementationPlanContent, v: DocumentView): Section[] =>
  c.goals.map((g, i) => ({ id: `maal-${i + 1}`, title: g.title, html: `<h3>Implementeringsplan</h3>${paragraphs(g.implementation)}<h3>Mål</h3>${targetsTable(g.targets, v.targets, `goals.${i}.targets`)}` }));

const rulesSections = (c: RulesContent): Section[] => [
  { id: 'forretningsorden', title: 'Forretningsorden', html: paragraphs(c.text) },
  { id: 'moeder', title: 'Møder og høringssvar', html: `<dl><dt>Møder om året</dt><dd>${c.meetings_per_year ?? '–'}</dd><dt>Høringssvar</dt><dd>${esc(responseApprovalNames[c.response_approval])}</dd></dl>` },
];

export function renderDocumentHtml(v: DocumentView): string {
  const d = v.document;
  const sections =
    d.kind === 'employment_plan' ? planSections(d.content as PlanContent, v)
    : d.kind === 'results_audit' ? auditSections(d.content as AuditContent)
    : d.kind === 'rules_of_procedure' ? rulesSections(d.content as RulesContent)
    : implementationSections(d.content as ImplementationPlanContent, v);
  const comments = (d.content as { comments?: { lbr: string; region: string } }).comments;
  // The plan's annex, the audit's comments section: the LBR's and the region's adopted hearing responses.
  if (comments) sections.push({ id: 'bemaerkninger', title: d.kind === 'employment_plan' ? 'Bilag: høringssvar og bemærkninger' : 'Bemærkninger', html: `<h3>Det lokale beskæftigelsesråd (LBR)</h3>${paragraphs(comments.lbr, 'Ingen bemærkninger.')}<h3>Beskæftigelsesregionen</h3>${paragraphs(comments.region, 'Ingen bemærkninger.')}` });
  const approval = d.approval ? `<p>Godkendt af kommunalbestyrelsen ${esc(d.approval.date)}: ${esc(d.approval.decision)}</p>` : '';
  return renderPage(
    v.title,
    `<p class="meta">${esc(v.state_name)} · version ${d.revision}</p><h1>${esc(v.title)}</h1>${approval}
<p class="meta">Mål og tal er beregnet på udgivelse ${esc(v.release?.version ?? '–')}${v.release ? ` (data til og med ${esc(v.release.cutoff_week)})` : ''}.</p>`,
    sections,
  );
}

/** A self-contained page (for the browser and for Chromium's PDF): header, table of contents, sections. */
export function renderPage(title: string, header: string, sections: Section[]): string {
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
