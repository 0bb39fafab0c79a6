/** The follow-up report's editor: the drafted numbers as tables (redrafted, never edited) beside the region's assessment. */
import type { FollowupContent, FollowupGenerated } from '../../../../../src/documents/shared';
import { periodName } from '../../../../../src/statbank/shared';
import { kindSpec, statusClass } from '../../../documents';
import { dev, makeNotes, Section } from '../../AuditTables';
import { SectionFields, type EditorProps } from '../fields';
import { SectionsEditor } from './Sections';

const right = 'text-align-right';

function MeasuresTable({ g }: { g: FollowupGenerated }) {
  const n = makeNotes();
  const q = periodName(g.quarter), p = periodName(g.previous_quarter);
  return (
    <>
      <div className="table--responsive-scroll">
        <table className="table table--compact">
          <caption className="sr-only">Nøgletal for {q}</caption>
          <thead>
            <tr><th scope="col">Nøgletal</th><th scope="col">Enhed</th><th scope="col" className={right}>{p}</th><th scope="col" className={right}>{q}</th><th scope="col" className={right}>Udvikling</th><th scope="col" className={right}>Klyngen</th><th scope="col" className={right}>{g.region?.name.replace(/^Beskæftigelsesregion /, 'Region ') ?? 'Regionen'}</th><th scope="col" className={right}>Hele landet</th></tr>
          </thead>
          <tbody>
            {g.measures.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.label}</th>
                <td>{r.unit}</td>
                <td className={right}>{n.cell(r.previous, r.decimals, r.missing.previous)}</td>
                <td className={right}>{n.cell(r.current, r.decimals, r.missing.current)}</td>
                <td className={right}>{dev(n, r.current, r.previous)}</td>
                <td className={right}>{n.cell(r.cluster, r.decimals, r.missing.cluster)}</td>
                <td className={right}>{n.cell(r.region, r.decimals, r.missing.region)}</td>
                <td className={right}>{n.cell(r.country, r.decimals, r.missing.country)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <n.Notes />
      <p className="form-hint">Klyngen er gennemsnittet af de sammenlignelige jobcentre i benchmarkingen{g.cluster ? ` (klynge ${g.cluster.number}: ${g.cluster.members.map((m) => m.name.replace(/^Jobcenter /, '')).join(', ')})` : ''}. Tal fra udgivelse {g.release.version}.</p>
    </>
  );
}

function BenefitsTable({ g }: { g: FollowupGenerated }) {
  const n = makeNotes();
  return (
    <>
      <div className="table--responsive-scroll">
        <table className="table table--compact">
          <caption className="sr-only">Fuldtidspersoner efter ydelse</caption>
          <thead><tr><th scope="col">Ydelse</th><th scope="col" className={right}>{periodName(g.previous_quarter)}</th><th scope="col" className={right}>{periodName(g.quarter)}</th><th scope="col" className={right}>Udvikling</th></tr></thead>
          <tbody>
            {g.benefits.map((r) => (
              <tr key={r.id}><th scope="row">{r.label}</th><td className={right}>{n.cell(r.previous, r.decimals, r.missing.previous)}</td><td className={right}>{n.cell(r.current, r.decimals, r.missing.current)}</td><td className={right}>{dev(n, r.current, r.previous)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <n.Notes />
      <p className="form-hint">Fuldtidspersoner, gennemsnit for kvartalet.</p>
    </>
  );
}

export function FollowupReportEditor(p: EditorProps<FollowupContent>) {
  const sections = kindSpec('followup_report').sections(p.content);
  const g = p.saved.generated as unknown as FollowupGenerated;
  if (g.measures === undefined) return <SectionsEditor {...(p as EditorProps<unknown>)} sections={sections} />;
  const text = (k: string) => <SectionFields sections={sections.filter((s) => s.path === `assessment.${k}`)} p={p} />;
  return (
    <>
      {p.editing && (
        <p className="d-print-none">
          <button type="button" className="button button-secondary" disabled={p.busy} onClick={p.onRegenerate}>Dan tallene igen</button>
          <span className="form-hint ml-4">Henter tallene fra den nyeste udgivelse. Regionens vurdering bevares.</span>
        </p>
      )}
      <Section id="s-results" title={`Nøgletal for ${periodName(g.quarter)}`}>
        <p>{g.text.results}</p>
        <MeasuresTable g={g} />
        {text('results')}
      </Section>
      <Section id="s-benefits" title="Personer på offentlige ydelser">
        <p>{g.text.benefits}</p>
        <BenefitsTable g={g} />
      </Section>
      <Section id="s-timeliness" title="Rettidighed">
        <p>{g.text.timeliness}</p>
        {text('timeliness')}
      </Section>
      <Section id="s-targets" title="Målene i beskæftigelsesplanen">
        <p>{g.text.targets}</p>
        {g.targets.rows.length > 0 && (
          <ul className="nobullet-list">
            {g.targets.rows.map((t, i) => <li key={i}><span className={statusClass(t.status)}>{t.status_label}</span> {t.description} <span className="form-hint">{t.reason}</span></li>)}
          </ul>
        )}
        {text('targets')}
      </Section>
      <Section id="s-problems" title="Resultatproblemer">
        <p>{g.text.problems}</p>
        {g.problems.length > 0 && <ul>{g.problems.map((x) => <li key={x.measure}><strong>{x.label}</strong> ({x.kind_label.toLowerCase()}, {x.status_label.toLowerCase()} siden {periodName(x.since)}): {x.text}</li>)}</ul>}
        {text('problems')}
      </Section>
      <Section id="s-overall" title="Regionens samlede vurdering">{text('overall')}</Section>
    </>
  );
}
