/** The results audit's editor: the generated numbers (regenerated, never edited) and the jobcenter's analysis texts. */
import { kindSpec, type AuditContent } from '../../../documents';
import { AuditTables, Section } from '../../AuditTables';
import { SectionFields, under, type EditorProps } from '../fields';

export function ResultsAuditEditor(p: EditorProps<AuditContent>) {
  const sections = kindSpec('results_audit').sections(p.content);
  return (
    <>
      {p.editing && (
        <p className="d-print-none">
          <button type="button" className="button button-secondary" disabled={p.busy} onClick={p.onRegenerate}>Dan tallene igen</button>
          <span className="form-hint ml-4">Henter tallene fra den nyeste udgivelse. Teksten, I har skrevet, bevares.</span>
        </p>
      )}
      <SectionFields sections={under(sections, 'generated')} p={p} other={() => <AuditTables g={(p.saved).generated} />} />
      <Section id="s-analysis" title="Jobcenterets analyse">
        <SectionFields sections={under(sections, 'analysis.')} p={p} />
      </Section>
    </>
  );
}
