import type { Progress } from '../cli/progress.js';
import type { Release } from '../indicators/index.js';

/** What the start page knows of the demo being prepared on first start. */
export interface DemoState {
  status: 'idle' | 'running' | 'ready' | 'failed';
  stages: Map<string, Progress>;
  error?: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface TableLink {
  table_id: string;
  table_name: string;
  subject: string;
}

/** The plain start page: what the platform is, the progress of the demo, the tables and their API links. */
export function renderStartPage(p: { release: Release | undefined; tables: TableLink[]; demo: DemoState }): string {
  const running = p.demo.status === 'running';
  const progress = [...p.demo.stages.values()]
    .map((s) => {
      const pct = s.total > 0 ? Math.round((s.done / s.total) * 100) : 0;
      return `<li><label>${esc(s.stage)} <progress max="100" value="${pct}">${pct} %</progress> ${pct} %</label></li>`;
    })
    .join('');
  const bySubject = new Map<string, TableLink[]>();
  for (const t of p.tables) bySubject.set(t.subject, [...(bySubject.get(t.subject) ?? []), t]);
  const tables = [...bySubject]
    .map(
      ([subject, ts]) => `<h3>${esc(subject)}</h3><ul>${ts
        .map(
          (t) => `<li><strong>${esc(t.table_name)}</strong> (<code>${esc(t.table_id)}</code>):
            <a href="/v3/table/${encodeURIComponent(t.table_id)}?format=json">beskrivelse</a> ·
            <a href="/v3/data/${encodeURIComponent(t.table_id)}?period.M=latest:12&amp;hierarchy._nykom=/&amp;format=json">data (JSON)</a> ·
            <a href="/v3/data/${encodeURIComponent(t.table_id)}?period.M=latest:12&amp;hierarchy._nykom=*&amp;format=csv">data for alle kommuner (CSV)</a></li>`,
        )
        .join('')}</ul>`,
    )
    .join('');
  const release = p.release
    ? `<p>Seneste udgivelse: <strong>version ${p.release.version}</strong>, data til og med ugen der begynder ${esc(p.release.cutoff_week ?? '–')}, dannet ${esc(new Date(p.release.created_at).toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen' }))}. ${esc(p.release.notes)}</p>`
    : '<p>Der er endnu ingen udgivelse af statistik.</p>';
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${running ? '<meta http-equiv="refresh" content="2">' : ''}
<title>Styringshjulet – statistikbank</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
  a { color: #0059b3; } code { background: #f2f2f2; padding: 0 .25rem; }
  progress { width: 16rem; vertical-align: middle; }
  .error { border-left: 4px solid #b51d09; padding: .5rem 1rem; background: #fbeae8; }
</style>
</head>
<body>
<header><h1>Styringshjulet</h1>
<p>Åben platform for styringen af beskæftigelsesindsatsen: statistikbank, benchmarking af jobcentre, ministermål, beskæftigelsesplaner, resultatrevisioner og rådenes høringer.</p></header>
<main>
${running ? `<section aria-live="polite"><h2>Demodata dannes</h2><p>Første start: et syntetisk Danmark (5 % skala, 2021–2025) dannes og beregnes. Siden opdateres af sig selv.</p><ul>${progress}</ul></section>` : ''}
${p.demo.status === 'failed' ? `<p class="error" role="alert">Demodata kunne ikke dannes: ${esc(p.demo.error ?? '')}</p>` : ''}
<section><h2>Statistik</h2>${release}
<p>API'et er kompatibelt med Jobindsats version 3: skift blot basisadressen til <code>/v3</code>. Se <a href="/v3/subjects?format=json">emner</a>, <a href="/v3/tables?format=json">tabeller</a> og <a href="/api/health">systemstatus</a>.</p>
${tables}</section>
</main>
</body>
</html>`;
}
