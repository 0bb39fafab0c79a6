/** The RBR's analysis report: the labour market, the jobcenters' results, and the recommended focus areas (added and removed here). */
import { fieldId, kindSpec, type AnalysisContent } from '../../../documents';
import { Field } from '../../../forms';
import { Section } from '../../AuditTables';
import { SectionFields, under, type EditorProps } from '../fields';

export function AnalysisReportEditor(p: EditorProps<AnalysisContent>) {
  const { content: c, editing, edit } = p;
  const sections = kindSpec('analysis_report').sections(c);
  return (
    <>
      <Section id="s-labour-market" title="Det regionale arbejdsmarked">
        <SectionFields sections={under(sections, 'labour_market')} p={p} />
      </Section>
      <Section id="s-results" title="Jobcentrenes resultater">
        <SectionFields sections={under(sections, 'results')} p={p} />
      </Section>
      <Section id="s-focus" title="Anbefalede fokusområder">
        {c.focus_areas.length === 0 && !editing && <p className="doc-empty">Ingen fokusområder.</p>}
        {c.focus_areas.map((f, i) => (
          <div key={i} className="doc-subsection">
            {editing ? (
              <fieldset>
                <legend className="h4">Fokusområde {i + 1}</legend>
                <Field id={fieldId(`focus_areas.${i}.title`)} label="Overskrift" value={f.title} onChange={(v) => edit((x) => void (x.focus_areas[i]!.title = v))} />
                <SectionFields sections={under(sections, `focus_areas.${i}.`)} p={p} />
                <p><button type="button" className="button button-tertiary" onClick={() => edit((x) => void x.focus_areas.splice(i, 1))}>Fjern fokusområdet<span className="sr-only"> {f.title}</span></button></p>
              </fieldset>
            ) : (
              <>
                <h3>{f.title}</h3>
                <SectionFields sections={under(sections, `focus_areas.${i}.`)} p={p} />
              </>
            )}
          </div>
        ))}
        {editing && <button type="button" id={fieldId('focus_areas')} className="button button-secondary" onClick={() => edit((x) => void x.focus_areas.push({ title: '', text: '' }))}>Tilføj fokusområde</button>}
      </Section>
    </>
  );
}
