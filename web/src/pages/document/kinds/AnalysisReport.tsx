/** The RBR's analysis report: the labour market, the jobcenters' results, and the recommended focus areas (added and removed here). */
import { kindSpec, type AnalysisContent } from '../../../documents';
import { Section } from '../../AuditTables';
import { SectionFields, TitledItems, under, type EditorProps } from '../fields';

export function AnalysisReportEditor(p: EditorProps<AnalysisContent>) {
  const sections = kindSpec('analysis_report').sections(p.content);
  return (
    <>
      {p.editing && (
        <p className="d-print-none">
          <button type="button" className="button button-secondary" disabled={p.busy} onClick={p.onRegenerate}>Dan tallene igen</button>
          <span className="form-hint ml-4">Henter tallene fra den nyeste udgivelse og benchmarking. Det, rådet har skrevet, bevares.</span>
        </p>
      )}
      <Section id="s-labour-market" title="Det regionale arbejdsmarked">
        <SectionFields sections={under(sections, 'generated')} p={p} />
        <SectionFields sections={under(sections, 'labour_market')} p={p} />
      </Section>
      <Section id="s-results" title="Jobcentrenes resultater">
        <SectionFields sections={under(sections, 'results')} p={p} />
      </Section>
      <Section id="s-focus" title="Anbefalede fokusområder">
        <TitledItems p={p} sections={sections} base="focus_areas" noun="Fokusområde" remove="Fjern fokusområdet" add="Tilføj fokusområde" empty="Ingen fokusområder." blank={() => ({ title: '', text: '' })} />
      </Section>
    </>
  );
}
