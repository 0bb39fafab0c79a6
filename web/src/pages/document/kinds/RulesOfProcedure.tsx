/** A council's rules of procedure: the text, the number of meetings a year and how hearing responses are adopted. */
import { fieldId, kindSpec, responseApprovalNames, type RulesContent } from '../../../documents';
import { NumberField, RadioGroup } from '../../../forms';
import { Section } from '../../AuditTables';
import { SectionFields, type EditorProps } from '../fields';

const approvalOptions = (Object.keys(responseApprovalNames) as RulesContent['response_approval'][]).map((value) => ({ value, label: responseApprovalNames[value] }));

export function RulesOfProcedureEditor(p: EditorProps<RulesContent>) {
  const { content: c, editing, edit } = p;
  return (
    <Section id="s-rules" title="Forretningsorden">
      <SectionFields sections={kindSpec('rules_of_procedure').sections(c)} p={p} other={() =>
        editing ? (
          <>
            <NumberField id={fieldId('meetings_per_year')} label="Ordinære møder om året" hint="Tom: ikke fastsat." value={c.meetings_per_year} onChange={(v) => edit((x) => void (x.meetings_per_year = v === null ? null : Math.round(v)))} />
            <RadioGroup id={fieldId('response_approval')} legend="Høringssvar" hint="Hvordan rådet vedtager sine høringssvar til beskæftigelsesplanen og resultatrevisionen." value={c.response_approval} options={approvalOptions} onChange={(v) => edit((x) => void (x.response_approval = v as RulesContent['response_approval']))} />
          </>
        ) : (
          <dl className="doc-facts">
            <dt>Ordinære møder om året</dt>
            <dd>{c.meetings_per_year ?? 'Ikke fastsat'}</dd>
            <dt>Høringssvar</dt>
            <dd>{responseApprovalNames[c.response_approval]}</dd>
          </dl>
        )
      } />
    </Section>
  );
}
