/** A region's implementation plan: per regional goal a title, the implementation plan and targets. */
import { kindSpec, type ImplementationPlanContent } from '../../../documents';
import { Section } from '../../AuditTables';
import { TitledItems, type EditorProps } from '../fields';

export function ImplementationPlanEditor(p: EditorProps<ImplementationPlanContent>) {
  return (
    <Section id="s-goals" title="Regionale mål">
      <TitledItems p={p} sections={kindSpec('implementation_plan').sections(p.content)} base="goals" noun="Regionalt mål" remove="Fjern målet" add="Tilføj regionalt mål" empty="Ingen mål." blank={() => ({ title: '', implementation: '', targets: [] })} />
    </Section>
  );
}
