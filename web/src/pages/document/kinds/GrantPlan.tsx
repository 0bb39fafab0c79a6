/**
 * The LBR's grant plan: its purpose, the initiatives (purpose, target group, measurable
 * results, the employment plan's targets they serve and their budget) against the year's
 * frame. Once the council has adopted it, each initiative's accounts follow (GrantAccounts, a
 * panel of its own, outside the content's form).
 */
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { documentListResponse, documentViewResponse } from '../../../../../src/documents/shared';
import { framesResponse } from '../../../../../src/grants/shared';
import { api } from '../../../api';
import { fieldId, kindSpec, kroner, planTotal, type GrantPlanContent } from '../../../documents';
import { Alert, Checkbox, NumberField } from '../../../forms';
import { Link } from '../../../router';
import { Section } from '../../AuditTables';
import { getAt, SectionFields, TitledItems, under, type EditorProps } from '../fields';

type Initiative = GrantPlanContent['initiatives'][number];
interface PlanTarget {
  path: string;
  label: string;
}

/** The year's frame and the employment plan's targets, for the jobcenter and year of the grant plan. */
function usePlanContext(area: string, year: number) {
  const [frame, setFrame] = useState<number | null | undefined>(undefined);
  const [plan, setPlan] = useState<{ id: number; targets: PlanTarget[] } | null>(null);
  useEffect(() => {
    api(`/api/councils/LBR-${encodeURIComponent(area)}/grants`, framesResponse).then((f) => setFrame(f.frames.find((x) => x.year === year)?.amount ?? null), () => setFrame(null));
    void (async () => {
      const [summary] = await api(`/api/documents?kind=employment_plan&area=${encodeURIComponent(area)}&year=${year}`, documentListResponse);
      if (!summary) return setPlan(null);
      const v: z.output<typeof documentViewResponse> = await api(`/api/documents/${summary.id}`, documentViewResponse);
      setPlan({ id: summary.id, targets: v.targets.map((t) => ({ path: t.path, label: `${t.section}: ${getAt<{ title: string } | undefined>(v.document.content, t.path)?.title ?? t.description}` })) });
    })().catch(() => setPlan(null));
  }, [area, year]);
  return { frame, plan };
}

export function GrantPlanEditor(p: EditorProps<GrantPlanContent>) {
  const { content: c, editing, edit, view } = p;
  const { area, year } = view.document;
  const sections = kindSpec('grant_plan').sections(c);
  const { frame, plan } = usePlanContext(area, year);
  const total = planTotal(c);
  const list = (x: GrantPlanContent) => x.initiatives;
  const budgetOf = (path: string) => c.initiatives[Number(path.split('.')[1])];

  const other = (s: Parameters<NonNullable<Parameters<typeof SectionFields>[0]['other']>>[0]) => {
    if (!/^initiatives\.\d+\.budget$/.test(s.path)) return undefined;
    const n = Number(s.path.split('.')[1]);
    const i = budgetOf(s.path)!;
    const chosen = (plan?.targets ?? []).filter((t) => i.plan_targets.includes(t.path));
    if (!editing) {
      return (
        <dl className="doc-facts">
          <dt>Budget</dt>
          <dd>{kroner(i.budget)}</dd>
          <dt>Mål i beskæftigelsesplanen</dt>
          <dd>{chosen.length === 0 ? 'Ingen' : <ul className="mt-0">{chosen.map((t) => <li key={t.path}>{t.label}</li>)}</ul>}</dd>
        </dl>
      );
    }
    return (
      <>
        <NumberField id={fieldId(s.path)} label="Budget (kr.)" hint="Hele kroner." value={i.budget} onChange={(v) => edit((x) => void (list(x)[n]!.budget = v === null ? 0 : Math.round(v)))} />
        <fieldset className="mt-4">
          <legend className="h5" id={fieldId(`initiatives.${n}.plan_targets`)}>Mål i beskæftigelsesplanen, som initiativet understøtter</legend>
          {!plan ? <p className="doc-empty">Jobcentret har ingen beskæftigelsesplan for {year} endnu.</p> : plan.targets.length === 0 ? <p className="doc-empty">Beskæftigelsesplanen har ingen mål endnu.</p> : plan.targets.map((t) => (
            <Checkbox key={t.path} id={`${fieldId(`initiatives.${n}.plan_targets`)}-${t.path.replace(/\./g, '-')}`} label={t.label} checked={i.plan_targets.includes(t.path)}
              onChange={(on) => edit((x) => {
                const ts = list(x)[n]!.plan_targets;
                list(x)[n]!.plan_targets = on ? [...ts, t.path] : ts.filter((q) => q !== t.path);
              })} />
          ))}
        </fieldset>
      </>
    );
  };

  return (
    <>
      <Section id="s-summary" title="Formål">
        <SectionFields sections={under(sections, 'summary')} p={p} />
        {plan && <p>Planen hører til <Link to={`/dokumenter/${plan.id}`}>beskæftigelsesplanen for {year}</Link>; jobcentret vurderer i høringen, om den ligger inden for planens rammer.</p>}
      </Section>
      <Section id="s-initiatives" title="Initiativer">
        <TitledItems p={p} sections={sections} base="initiatives" noun="Initiativ" remove="Fjern initiativet" add="Tilføj initiativ" empty="Planen har ingen initiativer endnu." other={other}
          blank={(): Initiative => ({ id: `initiativ-${Date.now().toString(36)}`, title: '', purpose: '', target_group: '', plan_targets: [], targets: [], budget: 0 })} />
      </Section>
      <Section id="s-budget" title="Budget og ramme">
        <dl className="doc-facts">
          <dt>Budget i alt</dt>
          <dd>{kroner(total)}</dd>
          <dt>Ramme for {year}</dt>
          <dd>{frame === undefined ? 'Henter …' : frame === null ? 'Ikke sat endnu' : kroner(frame)}</dd>
          {typeof frame === 'number' && <><dt>Tilbage af rammen</dt><dd>{kroner(frame - total)}</dd></>}
        </dl>
        {typeof frame === 'number' && total > frame && <Alert kind="error" heading="Budgettet er større end rammen">Skær {kroner(total - frame)} fra, før planen kan sendes i høring.</Alert>}
        {editing ? (
          <Checkbox id={fieldId('excludes_operations')} label="Midlerne går ikke til kommunal drift eller rådets sekretariat" checked={c.excludes_operations} onChange={(v) => edit((x) => void (x.excludes_operations = v))} />
        ) : (
          <p>{c.excludes_operations ? 'Midlerne går ikke til kommunal drift eller rådets sekretariat.' : 'Det er endnu ikke bekræftet, at midlerne ikke går til kommunal drift eller rådets sekretariat.'}</p>
        )}
      </Section>
    </>
  );
}
