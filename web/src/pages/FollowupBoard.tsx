/**
 * The follow-up board: every open case on a region's (or a jobcenter's) jobcenters with its
 * stage, next follow-up and the measure's trend since the case was opened; overdue follow-ups
 * first. On /opfoelgning and on the region's and jobcenter's pages, for those who follow them.
 */
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { casesResponse } from '../../../src/followup/shared';
import { api } from '../api';
import { Sparkline } from '../chart';
import { Alert } from '../forms';
import { date as day, fmt } from '../format';
import { Link } from '../router';

export type CasesBody = z.output<typeof casesResponse>;
type Case = CasesBody['cases'][number];
const directionWords = { better: 'bedre', worse: 'dårligere', unchanged: 'uændret' } as const;

const trendText = (c: Case) => {
  const first = c.trend[0]?.actual ?? null, last = c.trend.at(-1)?.actual ?? null;
  if (c.measure === null) return 'Sagen følger ikke et bestemt tal';
  if (c.direction === null) return `${fmt(last, c.decimals)} ${c.unit ?? ''} (udgivelse ${c.opened_release}); ingen ny udgivelse endnu`;
  return `${fmt(first, c.decimals)} → ${fmt(last, c.decimals)} ${c.unit ?? ''}: ${directionWords[c.direction]}`;
};

/** Open cases, overdue first, then by next follow-up date. */
export const openCases = (cases: Case[]) =>
  cases.filter((c) => c.stage !== 'closed').sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.next_date ?? '9999').localeCompare(b.next_date ?? '9999'));

export function CasesBoard({ body }: { body: CasesBody }) {
  const open = openCases(body.cases);
  const withCase = new Set(open.map((c) => c.jobcenter));
  const without = body.jobcenters.filter((j) => !withCase.has(j.id));
  const overdue = open.filter((c) => c.overdue).length;
  return (
    <>
      {open.length === 0 ? <p>Der er ingen åbne sager.</p> : (
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <caption>
              {open.length} {open.length === 1 ? 'åben sag' : 'åbne sager'} på {withCase.size} {withCase.size === 1 ? 'jobcenter' : 'jobcentre'}
              {overdue > 0 ? `, heraf ${overdue} med overskreden opfølgning (står først)` : ''}
            </caption>
            <thead><tr><th scope="col">Jobcenter</th><th scope="col">Sag</th><th scope="col">Trin</th><th scope="col">Næste opfølgning</th><th scope="col">Udvikling siden åbningen</th></tr></thead>
            <tbody>
              {open.map((c) => (
                <tr key={c.id}>
                  <td>{c.jobcenter_name}</td>
                  <td><Link to={`/opfoelgning/sager/${c.id}`}>{c.title}</Link></td>
                  <td>{c.stage_name}</td>
                  <td>{c.next_date ? <>{day(c.next_date)}{c.overdue && <strong> (overskredet)</strong>}</> : 'Ikke sat'}</td>
                  <td>
                    <Sparkline values={c.trend.map((p) => p.actual)} label={`Udviklingen i ${c.measure_label ?? 'målet'} over ${c.trend.length} udgivelser`} />
                    {c.trend.length > 1 && <br />}
                    {trendText(c)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {body.jobcenters.length > 1 && <p>{without.length === 0 ? 'Alle jobcentre har en åben sag.' : `Uden åben sag: ${without.map((j) => j.name.replace(/^Jobcenter /, '')).join(', ')}.`}</p>}
    </>
  );
}

/** The board for the jobcenters within `area` (an employment region or a jobcenter), as a section of its page. */
export function AreaCases({ area, areaName }: { area: string; areaName: string }) {
  const [body, setBody] = useState<CasesBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setBody(null);
    api(`/api/followup/cases?area=${encodeURIComponent(area)}`, casesResponse).then(setBody, (e: Error) => setError(e.message));
  }, [area]);
  // Someone who follows none of the area's jobcenters sees nothing here.
  if (body && body.jobcenters.length === 0) return null;
  return (
    <section aria-labelledby="s-cases" className="doc-section">
      <h2 id="s-cases">Opfølgningstavle: sager om resultatproblemer</h2>
      <p>Regionens sager om resultatproblemer i {areaName}. Sagerne er ikke offentlige. <Link to="/opfoelgning">Se al opfølgning</Link></p>
      {error && <Alert kind="error">{error}</Alert>}
      {!body && !error && <p role="status">Henter sagerne …</p>}
      {body && <CasesBoard body={body} />}
    </section>
  );
}
