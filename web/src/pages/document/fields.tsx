/**
 * The editor's pieces, driven by a kind's sections list (src/documents/kinds): a text, a list
 * of targets, a live figure, and `SectionFields`, which lays out a run of sections as fields
 * (or read-only, with each target's status). Paths are the content's (e.g. `citizen.strategy`);
 * each field's id is `fieldId(path)`, so the minimum check's links reach it.
 */
import type { ReactNode } from 'react';
import { emptyTarget, fieldId, type DocumentView, type Figure, type KindSection, type Target, type TargetView } from '../../documents';
import { IndicatorFields, TargetEditor, TargetStatusView } from '../../editor';
import { Field, TextArea } from '../../forms';
import { fmt } from '../../format';
import { Link } from '../../router';

export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type Edit<C> = (f: (c: C) => void) => void;

/** What every kind's editor gets. */
export interface EditorProps<C> {
  /** The form's content (the draft). */
  content: C;
  /** The stored content (a target's status is shown only while it is unchanged). */
  saved: C;
  view: DocumentView;
  editing: boolean;
  edit: Edit<C>;
  busy: boolean;
  /** Draw the generated part again from the newest release (kinds made from the bank). */
  onRegenerate: () => void;
}

/** The value at a content path (`goals.0.targets`). */
export function getAt<T>(content: unknown, path: string): T {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], content) as T;
}

/** Sets the value at a content path, in place (the editor works on a copy). */
export function setAt(content: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  const parent = getAt<Record<string, unknown>>(content, keys.slice(0, -1).join('.')) ?? (content as Record<string, unknown>);
  parent[keys.at(-1)!] = value;
}

/** The sections whose path starts with `prefix` (one goal's, one chapter's). */
export const under = (sections: KindSection[], prefix: string) => sections.filter((s) => s.path.startsWith(prefix));

export function Text({ id, label, value, editing, onChange, rows }: { id: string; label: string; value: string; editing: boolean; onChange: (v: string) => void; rows?: number }) {
  if (editing) return <TextArea id={fieldId(id)} label={label} value={value} onChange={onChange} rows={rows} />;
  return (
    <div className="doc-text">
      <h4 className="h5">{label}</h4>
      {value.trim() === '' ? <p className="doc-empty">Ikke udfyldt.</p> : value.trim().split(/\n\s*\n/).map((p, i) => <p key={i} className="doc-paragraph">{p}</p>)}
    </div>
  );
}

/** A list of targets: editors, or the read-only list with their status. `goal` (a ministerial goal) pre-fills a new target with the goal's indicator in the document's area. */
export function TargetList({ base, targets, saved, view, editing, edit, goal }: { base: string; targets: Target[]; saved: Target[] | undefined; view: DocumentView; editing: boolean; edit: (f: (ts: Target[]) => void) => void; goal?: { year: number; number: number } }) {
  const viewAt = (i: number): TargetView | undefined => view.targets.find((t) => t.path === `${base}.${i}`);
  const viewOf = (i: number): TargetView | undefined => (same(targets[i], saved?.[i]) ? viewAt(i) : undefined);
  if (!editing) {
    if (targets.length === 0) return <p className="doc-empty">Ingen mål.</p>;
    return (
      <ol className="doc-targets">
        {targets.map((t, i) => (
          <li key={i}>
            <p className="mb-2"><strong>{t.title}</strong></p>
            {t.indicator && <p className="form-hint mt-0">{viewAt(i)?.description}</p>}
            <TargetStatusView view={viewAt(i)} measurable={t.indicator !== null} measure={t.indicator?.measure} />
          </li>
        ))}
      </ol>
    );
  }
  return (
    <div className="doc-targets">
      {targets.map((t, i) => (
        <TargetEditor key={i} id={fieldId(`${base}.${i}`)} heading={`Mål ${i + 1}`} target={t} area={view.document.area} view={viewOf(i)} goal={goal}
          onChange={(nt) => edit((ts) => void (ts[i] = nt))} onRemove={() => edit((ts) => void ts.splice(i, 1))} />
      ))}
      <button type="button" id={fieldId(base)} className="button button-secondary" onClick={() => edit((ts) => void ts.push(emptyTarget()))}>Tilføj mål</button>
    </div>
  );
}

export function FigureEditor({ id, n, figure, live, onChange, onRemove }: { id: string; n: number; figure: Figure; live?: DocumentView['figures'][number]; onChange: (f: Figure) => void; onRemove: () => void }) {
  return (
    <fieldset className="target-editor">
      <legend className="h5">Tal {n}</legend>
      <Field id={`${id}-label`} label="Tekst til tallet" value={figure.label} onChange={(label) => onChange({ ...figure, label })} />
      <IndicatorFields id={id} value={figure.indicator} onChange={(indicator) => onChange({ ...figure, indicator })} />
      <Field id={`${id}-period`} label="Periode" hint="Tom: den nyeste offentliggjorte periode." className="input-width-m" value={figure.period ?? ''} onChange={(p) => onChange({ ...figure, period: p.trim() === '' ? null : p.trim() })} />
      <p>
        {live ? <>Værdi: <strong>{fmt(live.value, 2, '–')}</strong>{live.period ? ` (${live.period})` : ''}{live.note ? ` – ${live.note}` : ''}</> : <span className="form-hint">Gem planen for at se tallets værdi.</span>}
      </p>
      <button type="button" className="button button-tertiary" onClick={onRemove}>Fjern tallet<span className="sr-only"> {figure.label || n}</span></button>
    </fieldset>
  );
}

/**
 * A run of sections as fields: texts as text areas, targets as target lists; figures and facts
 * (settings, amounts) by `other`, the kind's own widget, or else as read-only lines.
 */
export function SectionFields<C>({ sections, p, other }: { sections: KindSection[]; p: EditorProps<C>; other?: (s: Extract<KindSection, { type: 'figures' | 'facts' }>) => ReactNode }) {
  return (
    <>
      {sections.map((s) => {
        if (s.type === 'text') return <Text key={s.path} id={s.path} label={s.title} value={s.text} editing={p.editing} rows={s.rows} onChange={(v) => p.edit((c) => setAt(c, s.path, v))} />;
        if (s.type === 'targets') {
          return (
            <div key={s.path}>
              <h4 className="h5">{s.title}</h4>
              <TargetList base={s.path} targets={s.targets} saved={getAt<Target[] | undefined>(p.saved, s.path)} view={p.view} editing={p.editing} goal={s.goal ? { year: p.view.document.year, number: s.goal } : undefined} edit={(f) => p.edit((c) => f(getAt<Target[]>(c, s.path)))} />
            </div>
          );
        }
        const own = other?.(s);
        if (own !== undefined) return <div key={s.path}>{own}</div>;
        return (
          <div key={s.path} className="doc-text">
            <h4 className="h5">{s.title}</h4>
            {s.lines.length === 0 ? <p className="doc-empty">Ikke udfyldt.</p> : <ul>{s.lines.map((l, i) => <li key={i}>{l}</li>)}</ul>}
          </div>
        );
      })}
    </>
  );
}

/** The documents of `kind` shown live inside this one (the LBR's grant plan in the employment plan), each with a link. */
export function LinkedDocuments({ view, kind, title, empty }: { view: DocumentView; kind: string; title: string; empty: string }) {
  const linked = view.linked.filter((l) => l.kind === kind);
  return (
    <div className="doc-text">
      <h4 className="h5">{title}</h4>
      {linked.length === 0 ? <p className="doc-empty">{empty}</p> : linked.map((l) => (
        <div key={l.id}>
          <p><Link to={`/dokumenter/${l.id}`}>{l.title}</Link> ({l.state_name.toLowerCase()})</p>
          <ul>{l.lines.map((x, i) => <li key={i}>{x}</li>)}</ul>
        </div>
      ))}
    </div>
  );
}

/**
 * A list of titled items at `base` (local goals, regional goals, focus areas): each its title
 * and its sections, to remove and add while editing; read-only, a heading and its sections.
 */
export function TitledItems<C>({ p, sections, base, noun, remove, add, empty, blank, other }: { p: EditorProps<C>; sections: KindSection[]; base: string; noun: string; remove: string; add: string; empty: string; blank: () => { title: string }; other?: Parameters<typeof SectionFields>[0]['other'] }) {
  const items = getAt<{ title: string }[]>(p.content, base);
  const list = (c: C) => getAt<{ title: string }[]>(c, base);
  return (
    <>
      {items.length === 0 && !p.editing && <p className="doc-empty">{empty}</p>}
      {items.map((item, i) => (
        <div key={i} className="doc-subsection">
          {p.editing ? (
            <fieldset>
              <legend className="h4">{noun} {i + 1}</legend>
              <Field id={fieldId(`${base}.${i}.title`)} label="Overskrift" value={item.title} onChange={(v) => p.edit((c) => void (list(c)[i]!.title = v))} />
              <SectionFields sections={under(sections, `${base}.${i}.`)} p={p} other={other} />
              <p><button type="button" className="button button-tertiary" onClick={() => p.edit((c) => void list(c).splice(i, 1))}>{remove}<span className="sr-only"> {item.title}</span></button></p>
            </fieldset>
          ) : (
            <>
              <h3>{item.title}</h3>
              <SectionFields sections={under(sections, `${base}.${i}.`)} p={p} other={other} />
            </>
          )}
        </div>
      ))}
      {p.editing && <button type="button" id={fieldId(base)} className="button button-secondary" onClick={() => p.edit((c) => void list(c).push(blank()))}>{add}</button>}
    </>
  );
}
