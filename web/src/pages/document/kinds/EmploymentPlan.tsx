/** The employment plan's editor: its sections list laid out as the plan's chapters, with the challenges' figures, the local goals and the budget lines. */
import { cycleYear, eraOf } from '../../../../../src/eras/shared';
import { fieldId, kindSpec, planLastYear, type PlanContent } from '../../../documents';
import { Field, NumberField, TextArea } from '../../../forms';
import { fmt } from '../../../format';
import { Section } from '../../AuditTables';
import { PlanInputs } from './PlanInputs';
import { FigureEditor, LinkedDocuments, same, SectionFields, Text, TitledItems, under, type EditorProps } from '../fields';

export function EmploymentPlanEditor(p: EditorProps<PlanContent>) {
  const { content: c, saved, view, editing, edit } = p;
  const sections = kindSpec('employment_plan').sections(c);
  const area = view.document.area;
  const sumOf = (k: 'state' | 'municipal') => c.budget.lines.reduce((a, l) => a + (l[k] ?? 0), 0);
  const figureAt = (path: string) => view.figures.find((x) => x.path === path);
  const year = view.document.year;
  return (
    <>
      <Section id="s-period" title="Planperiode">
        {editing ? (
          <NumberField id={fieldId('last_year')} label="Planen gælder til og med år" hint={`Tom: kun ${year}. En plan kan gælde op til fire år, til og med ${year + 3}.`} value={c.last_year} onChange={(v) => edit((x) => void (x.last_year = v))} />
        ) : (
          <p>{planLastYear(c, year) > year ? `Planen gælder ${year}–${planLastYear(c, year)}.` : `Planen gælder ${year}.`}</p>
        )}
      </Section>

      <Section id="s-goals" title="Ministermålene">
        {!eraOf(cycleYear('employment_plan', year)).ministerialGoals && (
          <p>Ministeren udmelder ikke længere beskæftigelsespolitiske mål: de er afskaffet fra 2025 (lov nr. 1656 af 30. december 2024). Målene her er de senest udmeldte, som kommunen kan vælge at følge.</p>
        )}
        {c.goals.length === 0 && <p className="doc-empty">Der er ingen ministermål for året.</p>}
        {c.goals.map((g, i) => (
          <div key={g.number} className="doc-subsection">
            <h3>Ministermål {g.number}: {g.title}</h3>
            <SectionFields sections={under(sections, `goals.${i}.`)} p={p} />
          </div>
        ))}
      </Section>

      <Section id="s-challenges" title="De vigtigste udfordringer">
        {editing && <PlanInputs jobcenter={area} year={view.document.year} />}
        {c.challenges.length === 0 && !editing && <p className="doc-empty">Ingen udfordringer beskrevet.</p>}
        {c.challenges.map((ch, ci) => {
          const figures = (
            <SectionFields sections={under(sections, `challenges.${ci}.figures`)} p={p} other={() =>
              editing ? (
                <>
                  {ch.figures.map((f, fi) => (
                    <FigureEditor key={fi} id={fieldId(`challenges.${ci}.figures.${fi}`)} n={fi + 1} figure={f} live={same(f, saved.challenges[ci]?.figures[fi]) ? figureAt(`challenges.${ci}.figures.${fi}`) : undefined}
                      onChange={(nf) => edit((x) => void (x.challenges[ci]!.figures[fi] = nf))} onRemove={() => edit((x) => void x.challenges[ci]!.figures.splice(fi, 1))} />
                  ))}
                </>
              ) : ch.figures.length > 0 ? (
                <ul>
                  {ch.figures.map((f, fi) => {
                    const live = figureAt(`challenges.${ci}.figures.${fi}`);
                    return <li key={fi}>{f.label}: <strong>{fmt(live?.value ?? null, 2, '–')}</strong>{live?.period ? ` (${live.period})` : ''}{live?.note ? ` – ${live.note}` : ''}</li>;
                  })}
                </ul>
              ) : null
            } />
          );
          return (
            <div key={ci} className="doc-subsection">
              {editing ? (
                <fieldset>
                  <legend className="h4">Udfordring {ci + 1}</legend>
                  <Field id={fieldId(`challenges.${ci}.title`)} label="Overskrift" value={ch.title} onChange={(v) => edit((x) => void (x.challenges[ci]!.title = v))} />
                  <TextArea id={fieldId(`challenges.${ci}.text`)} label="Beskrivelse" value={ch.text} onChange={(v) => edit((x) => void (x.challenges[ci]!.text = v))} />
                  {figures}
                  <p>
                    <button type="button" className="button button-secondary" onClick={() => edit((x) => void x.challenges[ci]!.figures.push({ label: '', indicator: { table: '', measure: '', area, dims: {}, freq: 'M' }, period: null }))}>Tilføj tal fra statistikbanken</button>{' '}
                    <button type="button" className="button button-tertiary" onClick={() => edit((x) => void x.challenges.splice(ci, 1))}>Fjern udfordringen<span className="sr-only"> {ch.title}</span></button>
                  </p>
                </fieldset>
              ) : (
                <>
                  <h3>{ch.title}</h3>
                  <Text id={`challenges.${ci}.text`} label="Beskrivelse" value={ch.text} editing={false} onChange={() => undefined} />
                  {figures}
                </>
              )}
            </div>
          );
        })}
        {editing && <button type="button" id={fieldId('challenges')} className="button button-secondary" onClick={() => edit((x) => void x.challenges.push({ title: '', text: '', figures: [] }))}>Tilføj udfordring</button>}
      </Section>

      <Section id="s-citizen" title="Den borgerrettede indsats">
        <SectionFields sections={under(sections, 'citizen.')} p={p} />
      </Section>

      <Section id="s-business" title="Den virksomhedsrettede indsats">
        <SectionFields sections={under(sections, 'business.')} p={p} />
        <LinkedDocuments view={p.view} kind="grant_plan" title="LBR’s handleplan for LBR-midlerne" empty="LBR har endnu ingen handleplan for LBR-midlerne dette år." />
      </Section>

      <Section id="s-other" title="Andre aktører">
        <SectionFields sections={under(sections, 'other_actors.')} p={p} other={() =>
          editing ? (
            <NumberField id={fieldId('other_actors.share_pct')} label="Andel af indsatsen, der forventes varetaget af andre aktører (pct.)" value={c.other_actors.share_pct} onChange={(v) => edit((x) => void (x.other_actors.share_pct = v))} />
          ) : (
            <p>Andel af indsatsen, der forventes varetaget af andre aktører: <strong>{c.other_actors.share_pct === null ? 'ikke angivet' : `${fmt(c.other_actors.share_pct, 0)} %`}</strong></p>
          )
        } />
      </Section>

      <Section id="s-local" title="Lokale mål">
        <TitledItems p={p} sections={sections} base="local_goals" noun="Lokalt mål" remove="Fjern det lokale mål" add="Tilføj lokalt mål" empty="Ingen lokale mål." blank={() => ({ title: '', strategy: '', targets: [] })} />
      </Section>

      <Section id="s-budget" title="Budget">
        <SectionFields sections={under(sections, 'budget.')} p={p} other={() => (
          <>
            <div className="table--responsive-scroll">
              <table className="table table--compact">
                <caption className="sr-only">Budgetlinjer i kroner</caption>
                <thead>
                  <tr>
                    <th scope="col">Budgetlinje</th>
                    <th scope="col" className="text-align-right">Statslig del (kr.)</th>
                    <th scope="col" className="text-align-right">Kommunal del (kr.)</th>
                    <th scope="col" className="text-align-right">I alt (kr.)</th>
                    {editing && <th scope="col"><span className="sr-only">Handling</span></th>}
                  </tr>
                </thead>
                <tbody>
                  {c.budget.lines.map((l, i) => (
                    <tr key={i}>
                      {editing ? (
                        <>
                          <td><Field id={fieldId(`budget.lines.${i}.label`)} label={`Budgetlinje ${i + 1}: tekst`} value={l.label} onChange={(v) => edit((x) => void (x.budget.lines[i]!.label = v))} /></td>
                          <td><NumberField id={fieldId(`budget.lines.${i}.state`)} label={`Budgetlinje ${i + 1}: statslig del`} value={l.state} onChange={(v) => edit((x) => void (x.budget.lines[i]!.state = v))} /></td>
                          <td><NumberField id={fieldId(`budget.lines.${i}.municipal`)} label={`Budgetlinje ${i + 1}: kommunal del`} value={l.municipal} onChange={(v) => edit((x) => void (x.budget.lines[i]!.municipal = v))} /></td>
                        </>
                      ) : (
                        <>
                          <td>{l.label}</td>
                          <td className="text-align-right">{fmt(l.state, 0, '–')}</td>
                          <td className="text-align-right">{fmt(l.municipal, 0, '–')}</td>
                        </>
                      )}
                      <td className="text-align-right">{fmt((l.state ?? 0) + (l.municipal ?? 0), 0)}</td>
                      {editing && <td><button type="button" className="button button-tertiary" onClick={() => edit((x) => void x.budget.lines.splice(i, 1))}>Fjern<span className="sr-only"> budgetlinje {i + 1}</span></button></td>}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">I alt</th>
                    <td className="text-align-right">{fmt(sumOf('state'), 0)}</td>
                    <td className="text-align-right">{fmt(sumOf('municipal'), 0)}</td>
                    <td className="text-align-right">{fmt(sumOf('state') + sumOf('municipal'), 0)}</td>
                    {editing && <td />}
                  </tr>
                </tfoot>
              </table>
            </div>
            {editing && <p><button type="button" id={fieldId('budget.lines')} className="button button-secondary" onClick={() => edit((x) => void x.budget.lines.push({ label: '', state: null, municipal: null }))}>Tilføj budgetlinje</button></p>}
          </>
        )} />
      </Section>
    </>
  );
}
