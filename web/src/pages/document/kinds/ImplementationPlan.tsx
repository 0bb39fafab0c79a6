/** A region's implementation plan: per regional goal a title, the implementation plan and targets. */
import { fieldId, kindSpec, type ImplementationPlanContent } from '../../../documents';
import { Field } from '../../../forms';
import { Section } from '../../AuditTables';
import { SectionFields, under, type EditorProps } from '../fields';

export function ImplementationPlanEditor(p: EditorProps<ImplementationPlanContent>) {
  const { content: c, editing, edit } = p;
  const sections = kindSpec('implementation_plan').sections(c);
  return (
    <Section id="s-goals" title="Regionale mål">
      {c.goals.length === 0 && !editing && <p className="doc-empty">Ingen mål.</p>}
      {c.goals.map((g, i) => (
        <div key={i} className="doc-subsection">
          {editing ? (
            <fieldset>
              <legend className="h4">Regionalt mål {i + 1}</legend>
              <Field id={fieldId(`goals.${i}.title`)} label="Overskrift" value={g.title} onChange={(v) => edit((x) => void (x.goals[i]!.title = v))} />
              <SectionFields sections={under(sections, `goals.${i}.`)} p={p} />
              <p><button type="button" className="button button-tertiary" onClick={() => edit((x) => void x.goals.splice(i, 1))}>Fjern målet<span className="sr-only"> {g.title}</span></button></p>
            </fieldset>
          ) : (
            <>
              <h3>{g.title}</h3>
              <SectionFields sections={under(sections, `goals.${i}.`)} p={p} />
            </>
          )}
        </div>
      ))}
      {editing && <button type="button" id={fieldId('goals')} className="button button-secondary" onClick={() => edit((x) => void x.goals.push({ title: '', implementation: '', targets: [] }))}>Tilføj regionalt mål</button>}
    </Section>
  );
}
