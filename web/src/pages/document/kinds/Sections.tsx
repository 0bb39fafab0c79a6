/** The editor of a kind that needs nothing of its own: its sections list, chapter by chapter (by each section's group). */
import type { KindSection } from '../../../documents';
import { Section } from '../../AuditTables';
import { SectionFields, type EditorProps } from '../fields';

export function SectionsEditor({ sections, ...p }: EditorProps<unknown> & { sections: KindSection[] }) {
  const groups: { title: string; sections: KindSection[] }[] = [];
  for (const s of sections) {
    if (groups.at(-1)?.title === s.group) groups.at(-1)!.sections.push(s);
    else groups.push({ title: s.group, sections: [s] });
  }
  return (
    <>
      {groups.map((g, i) => (
        <Section key={i} id={`s-${i}`} title={g.title}>
          <SectionFields sections={g.sections} p={p} />
        </Section>
      ))}
    </>
  );
}
