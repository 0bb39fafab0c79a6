/** A results audit's generated part (numbers from the release and its benchmarking) as tables. */
import type { ReactNode } from 'react';
import { mioKr } from '../../../src/benchmark/shared';
import { change, footnotes, noChange, notRated, scaledNote } from '../../../src/documents/shared';
import { periodName } from '../../../src/statbank/shared';
import { statusClass, type AuditGenerated, type IndicatorRow } from '../documents';
import { fmt } from '../format';
import { Link } from '../router';

const num = (v: number | null | undefined, d: number) => fmt(v ?? null, d, '–');
const signed = (v: number | null) => (v === null ? '–' : `${v > 0 ? '+' : ''}${fmt(v, 1)} %`);

/** A section of a document page, titled by its heading. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="doc-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Footnotes for missing values: each reason once, numbered; a missing cell shows "–" and its number. */
export function makeNotes() {
  const f = footnotes();
  const cell = (v: number | null, d: number, why: string | undefined): ReactNode => (v !== null ? fmt(v, d) : why ? <>–<sup>{f.number(why)}</sup><span className="sr-only"> ({why})</span></> : '–');
  const Notes = () => (f.reasons.length ? <ol className="form-hint audit-notes">{f.reasons.map((w) => <li key={w}>{w}</li>)}</ol> : null);
  return { cell, Notes };
}

/** The change in per cent, or "–" with a note when one of the years has no value (or the first is 0). */
export const dev = (n: { cell: (v: number | null, d: number, why: string | undefined) => ReactNode }, cur: number | null, prev: number | null) => {
  const c = change(cur, prev);
  return c === null ? n.cell(null, 1, noChange) : signed(c);
};

function IndicatorTable({ rows, year, caption }: { rows: IndicatorRow[]; year: number; caption: string }) {
  const n = makeNotes();
  // An audit drafted before the periods were stored read the rolling years.
  const cur = periodName(rows[0]?.period ?? `${year}M01-${year}M12`), prev = periodName(rows[0]?.previous_period ?? `${year - 1}M01-${year - 1}M12`);
  return (
    <>
    <div className="table--responsive-scroll">
      <table className="table table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Indikator</th>
            <th scope="col">Enhed</th>
            <th scope="col" className="text-align-right">{prev}</th>
            <th scope="col" className="text-align-right">{cur}</th>
            <th scope="col" className="text-align-right">Udvikling</th>
            <th scope="col" className="text-align-right">Klyngen {cur}</th>
            <th scope="col" className="text-align-right">Klyngens udvikling</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.unit ?? ''}</td>
              <td className="text-align-right">{n.cell(r.previous, r.decimals, r.missing?.previous)}</td>
              <td className="text-align-right">{n.cell(r.current, r.decimals, r.missing?.current)}</td>
              <td className="text-align-right">{dev(n, r.current, r.previous)}</td>
              <td className="text-align-right">{n.cell(r.cluster_current, r.decimals, r.missing?.cluster_current)}</td>
              <td className="text-align-right">{dev(n, r.cluster_current, r.cluster_previous)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <n.Notes />
    <p className="form-hint">{scaledNote}</p>
    </>
  );
}

export function AuditTables({ g }: { g: AuditGenerated }) {
  const y = g.year;
  const on = makeNotes();
  const savingsRows = [...(g.savings.total ? [g.savings.total] : []), ...g.savings.rows];
  return (
    <>
      <Section id="a-basis" title="Grundlag">
        <dl className="doc-facts">
          <dt>Område</dt><dd>{g.jobcenter.name}{g.jobcenter.region ? `, ${g.jobcenter.region.name}` : ''}</dd>
          <dt>Periode</dt><dd>{y} (løbende år {periodName(g.period)}) sammenlignet med {y - 1} ({periodName(g.previous_period)})</dd>
          <dt>Tal</dt><dd>Udgivelse {g.release.version}{g.release.cutoff_week ? ` (data til og med ${g.release.cutoff_week})` : ''} og dens benchmarking (kørsel {g.run})</dd>
          <dt>Sammenligningsgrundlag</dt><dd>Klynge {g.cluster.number}: {g.cluster.members.map((m) => m.name).join(', ')}</dd>
        </dl>
      </Section>

      <Section id="a-overview" title="Resultatoversigt">
        <p>{g.text.overview}</p>
        <div className="table--responsive-scroll">
          <table className="table table--compact" id="audit-overview">
            <caption className="sr-only">Resultaterne {y} mod {y - 1}, klyngen og det forventede niveau</caption>
            <thead>
              <tr>
                <th scope="col">Mål</th>
                <th scope="col">Enhed</th>
                <th scope="col" className="text-align-right">{y - 1}</th>
                <th scope="col" className="text-align-right">{y}</th>
                <th scope="col" className="text-align-right">Klyngen (gns.)</th>
                <th scope="col" className="text-align-right">Forventet</th>
                <th scope="col" className="text-align-right">Faktisk/forventet</th>
                <th scope="col" className="text-align-right">Placering</th>
              </tr>
            </thead>
            <tbody>
              {g.overview.map((r) => (
                <tr key={r.measure}>
                  <th scope="row">{r.label}</th>
                  <td>{r.unit}</td>
                  <td className="text-align-right">{on.cell(r.previous, 2, r.missing?.previous)}</td>
                  <td className="text-align-right">{on.cell(r.current, 2, r.missing?.current)}</td>
                  <td className="text-align-right">{on.cell(r.cluster, 2, r.missing?.cluster)}</td>
                  <td className="text-align-right">{on.cell(r.expected, 2, r.missing?.expected)}</td>
                  <td className="text-align-right">{on.cell(r.ratio, 3, r.ratio === null ? notRated : undefined)}</td>
                  <td className="text-align-right">{on.cell(r.rank, 0, r.rank === null ? notRated : undefined)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <on.Notes />
        <p className="form-hint">Løbende år. Andele er fuldtidspersoner i pct. af befolkningen 16-66 år; klyngen er gennemsnittet af klyngens jobcentre.</p>
        <p><Link to={`/benchmark/${g.jobcenter.id}`}>Se benchmarkingen af {g.jobcenter.name}</Link></p>
      </Section>

      <Section id="a-goals" title="Ministermålene">
        <p>{g.text.goals}</p>
        {g.goals.items.map((x) => (
          <div key={x.number}>
            <h3 className="h4">{x.number}. {x.title}</h3>
            {x.indicators.length ? <IndicatorTable rows={x.indicators} year={y} caption={`Ministermål ${x.number}: indikatorerne`} /> : <p className="doc-empty">Statistikbanken har ingen indikator for dette mål.</p>}
          </div>
        ))}
      </Section>

      <Section id="a-benefits" title="Personer på offentlige ydelser efter målgruppe">
        <p>{g.text.benefits}</p>
        <p className="form-hint">Fuldtidspersoner, gennemsnit for året.</p>
        <IndicatorTable rows={g.benefits} year={y} caption="Fuldtidspersoner på offentlige ydelser efter målgruppe" />
      </Section>

      <Section id="a-savings" title="Besparelsespotentiale">
        <p>{g.text.savings}</p>
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <caption className="sr-only">Besparelsespotentiale, løbende år {periodName(g.savings.period)}</caption>
            <thead>
              <tr>
                <th scope="col">Ydelse</th>
                <th scope="col" className="text-align-right">Fuldtidspersoner over forventet</th>
                <th scope="col" className="text-align-right">Kr. pr. år</th>
                <th scope="col" className="text-align-right">Fuldtidspersoner over klyngens bedste kvartil</th>
                <th scope="col" className="text-align-right">Kr. pr. år</th>
              </tr>
            </thead>
            <tbody>
              {savingsRows.map((r) => (
                <tr key={r.category}>
                  <th scope="row">{r.category === 'public_support' ? <strong>{r.label}</strong> : r.label}</th>
                  <td className="text-align-right">{num(r.fulltime, 0)}</td>
                  <td className="text-align-right">{mioKr(r.dkk)}</td>
                  <td className="text-align-right">{num(r.fulltime_best, 0)}</td>
                  <td className="text-align-right">{mioKr(r.dkk_best)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {g.savings.method && <p className="form-hint">{g.savings.method}</p>}
      </Section>

      <Section id="a-improvements" title="Forslag til forbedringsområder">
        <p>{g.text.improvements}</p>
        {g.improvements.length > 0 && <ol>{g.improvements.map((i) => <li key={i.measure}>{i.text}</li>)}</ol>}
      </Section>

      <Section id="a-plan" title={`Status for målene i beskæftigelsesplanen ${y}`}>
        <p>{g.text.plan}{g.plan && <> <Link to={`/dokumenter/${g.plan.id}`}>Gå til planen</Link></>}</p>
        {g.plan && g.plan.targets.length > 0 && (
          <div className="table--responsive-scroll">
            <table className="table table--compact">
              <caption className="sr-only">Planens mål og deres status</caption>
              <thead><tr><th scope="col">Afsnit</th><th scope="col">Mål</th><th scope="col">Status</th></tr></thead>
              <tbody>
                {g.plan.targets.map((t, i) => (
                  <tr key={i}>
                    <td>{t.section}</td>
                    <td>{t.description}</td>
                    <td><span className={statusClass(t.status)}>{t.status_label}</span><div className="form-hint">{t.reason}</div></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </>
  );
}
