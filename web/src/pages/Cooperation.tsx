/**
 * A jobcenter's cooperation agreements (/samarbejdsaftaler?jobcenter=J…): the registry with each
 * agreement's parties, state and dates; and one agreement (/samarbejdsaftaler/:id), which the
 * jobcenter's editors write, sign, take under review and terminate, with its versions.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { agreementFileResponse, agreementResponse, agreementsResponse, agreementVersionsResponse } from '../../../src/cooperation/shared';
import { api, ApiError, readBase64 } from '../api';
import { day, when } from '../councils';
import { Alert, Checkbox, ErrorSummary, Field, FormGroup, Select, TextArea, toError, useAction } from '../forms';
import { Layout } from '../Layout';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { useSteeringAreas } from './Documents';

type Registry = z.output<typeof agreementsResponse>;
type Agreement = z.output<typeof agreementResponse>;
type Content = Agreement['content'];
type Party = Content['parties'][number];

const statusBadge: Record<Agreement['status'], string> = { draft: 'badge-info', signed: 'badge-success', under_review: 'badge-warning', terminated: '', expired: '' };
const Status = ({ a }: { a: Pick<Agreement, 'status' | 'status_name'> }) => <span className={`badge ${statusBadge[a.status]}`.trim()}>{a.status_name}</span>;
const partyNames = (a: Agreement) => a.content.parties.map((p) => p.name).join(', ') || 'Ingen parter endnu';

export function CooperationPage() {
  const { search } = useLocation();
  const session = useSession();
  // The user's own jobcentre, else the first in the list.
  const own = session.user?.organisation.area;
  const areas = useSteeringAreas().filter((a) => a.level === 'jobcenter');
  const jobcenter = new URLSearchParams(search).get('jobcenter') ?? (own?.startsWith('J') ? own : (areas[0]?.id ?? 'J101'));
  const [registry, setRegistry] = useState<Registry | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api(`/api/cooperation?jobcenter=${encodeURIComponent(jobcenter)}`, agreementsResponse).then((r) => { setRegistry(r); setError(null); }, (e) => setError(toError(e).message));
  }, [jobcenter, session.user?.id]);
  const { busy, error: createError, run } = useAction();
  const create = () =>
    run('Opretter …', async () => {
      const a = await api('/api/cooperation', agreementResponse, { method: 'POST', body: { jobcenter, title: `Samarbejdsaftale for ${registry?.jobcenter_name ?? jobcenter}`, content: {} } });
      navigate(`/samarbejdsaftaler/${a.id}`);
    });
  return (
    <Layout title="Samarbejdsaftaler">
      <h1>Samarbejdsaftaler</h1>
      <p className="font-lead">Jobcentrenes skriftlige samarbejdsaftaler med a-kasser, faglige organisationer, andre kommuner og andre: parter, områder, målgrupper, udveksling af oplysninger, gyldighed, revision og opsigelse.</p>
      <Select id="coop-jobcenter" label="Jobcenter" value={jobcenter} onChange={(v) => navigate(`/samarbejdsaftaler?jobcenter=${encodeURIComponent(v)}`)} options={(areas.length ? areas : [{ id: jobcenter, name: registry?.jobcenter_name ?? jobcenter }]).map((a) => ({ value: a.id, label: a.name }))} />
      {error && <Alert kind="error">{error}</Alert>}
      {!registry ? <p role="status">Henter aftalerne …</p> : (
        <>
          <h2>{registry.jobcenter_name}</h2>
          {registry.agreements.length === 0 ? <p className="doc-empty">{registry.jobcenter_name} har ingen underskrevne samarbejdsaftaler i Styringshjulet.</p> : (
            <div className="table--responsive-scroll">
              <table className="table table--compact">
                <caption className="sr-only">Samarbejdsaftaler for {registry.jobcenter_name}</caption>
                <thead><tr><th scope="col">Aftale</th><th scope="col">Parter</th><th scope="col">Status</th><th scope="col">Gælder fra</th><th scope="col">Gælder til</th><th scope="col">Revision</th></tr></thead>
                <tbody>
                  {registry.agreements.map((a) => (
                    <tr key={a.id}>
                      <td><Link to={`/samarbejdsaftaler/${a.id}`}>{a.title}</Link></td>
                      <td>{partyNames(a)}</td>
                      <td><Status a={a} /></td>
                      <td>{day(a.content.in_force) || '–'}</td>
                      <td>{day(a.content.valid_until) || 'Uden udløb'}</td>
                      <td>{day(a.content.review_on) || '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ErrorSummary error={createError} />
          {registry.may_create && <p><button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void create()}>{busy ?? 'Opret samarbejdsaftale'}</button></p>}
          <p><Link to={`/aarshjul?omraade=${encodeURIComponent(jobcenter)}`}>Revisions- og udløbsdatoer i årshjulet</Link></p>
        </>
      )}
    </Layout>
  );
}

export function CooperationAgreementPage({ id }: { id: string }) {
  const session = useSession();
  const [a, setA] = useState<Agreement | null>(null);
  const [options, setOptions] = useState<Registry['party_options'] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Unsaved changes in the form: signing signs what is stored, so it waits for a save.
  const [dirty, setDirty] = useState(false);
  const load = useCallback(async () => {
    try {
      const got = await api(`/api/cooperation/${encodeURIComponent(id)}`, agreementResponse);
      setA(got);
      if (got.may_edit) setOptions((await api(`/api/cooperation?jobcenter=${got.jobcenter}`, agreementsResponse)).party_options);
    } catch (e) {
      setLoadError(toError(e).message);
    }
  }, [id]);
  useEffect(() => void load(), [load, session.user?.id]);
  if (!a) return <Layout title="Samarbejdsaftale"><h1>Samarbejdsaftale</h1>{loadError ? <Alert kind="error">{loadError}</Alert> : <p role="status">Henter aftalen …</p>}</Layout>;
  const editing = a.may_edit && (a.state === 'draft' || a.state === 'under_review');
  return (
    <Layout title={a.title}>
      <p className="mb-2"><Link to={`/samarbejdsaftaler?jobcenter=${a.jobcenter}`}>Samarbejdsaftaler for {a.jobcenter_name}</Link></p>
      <h1>{a.title}</h1>
      <p><Status a={a} /> · Version {a.version} · senest ændret {when(a.updated_at)} af {a.updated_by}{a.signed_on ? ` · underskrevet ${day(a.signed_on)}` : ''}{a.terminated_on ? ` · ophører ${day(a.terminated_on)}` : ''}</p>
      {editing && options ? <AgreementForm key={a.id} a={a} options={options} onSaved={setA} onDirty={setDirty} onReload={load} /> : <AgreementView a={a} />}
      <Files a={a} onChanged={load} />
      {a.may_edit && <AgreementActions key={`t-${a.version}`} a={a} dirty={editing && dirty} onMoved={setA} />}
      <Versions key={`v-${a.version}`} id={a.id} />
    </Layout>
  );
}

const fields: [keyof Content, string, number][] = [
  ['areas', 'Områder, aftalen dækker', 3],
  ['target_groups', 'Målgrupper', 2],
  ['initiative', 'Hvem tager initiativet', 2],
  ['information_exchange', 'Udveksling af oplysninger (inden for databeskyttelsesreglerne)', 3],
  ['secretariat', 'Sekretariatsbistand', 2],
  ['renegotiation', 'Genforhandling', 2],
  ['termination', 'Hvem har ret til at opsige aftalen', 2],
];
const dates: [keyof Content, string][] = [['in_force', 'Træder i kraft'], ['valid_until', 'Gælder til og med'], ['review_on', 'Revision']];

function AgreementView({ a }: { a: Agreement }) {
  const c = a.content;
  return (
    <section aria-labelledby="coop-content" className="doc-section">
      <h2 id="coop-content">Aftalen</h2>
      <h3 className="h5">Parter</h3>
      <ul><li>{a.jobcenter_name}</li>{c.parties.map((p, i) => <li key={i}>{p.name}</li>)}</ul>
      <dl className="doc-facts">
        {fields.map(([k, label]) => <div key={k}><dt>{label}</dt><dd>{String(c[k] || '–')}</dd></div>)}
        <div><dt>Samtykke</dt><dd>{c.consent ? 'Oplysninger om en borger udveksles kun med borgerens samtykke.' : 'Ikke bekræftet.'}</dd></div>
        {dates.map(([k, label]) => <div key={k}><dt>{label}</dt><dd>{day(c[k] as string | null) || '–'}</dd></div>)}
      </dl>
    </section>
  );
}

/** The content as the server takes it: a-kasser and organisations by id, others by name (the shown names are the server's). */
const toSave = (c: Content) => ({ ...c, parties: c.parties.map((p) => (p.kind === 'unemployment_fund' ? { kind: p.kind, id: p.id } : p.kind === 'organisation' ? { kind: p.kind, code: p.code } : { kind: p.kind, name: p.name })) });

function AgreementForm({ a, options, onSaved, onDirty, onReload }: { a: Agreement; options: Registry['party_options']; onSaved: (a: Agreement) => void; onDirty: (dirty: boolean) => void; onReload: () => Promise<void> }) {
  const [title, setTitle] = useState(a.title);
  const [c, setC] = useState<Content>(a.content);
  useEffect(() => onDirty(title !== a.title || JSON.stringify(toSave(c)) !== JSON.stringify(toSave(a.content))), [title, c, a, onDirty]);
  const { busy, error, notice, run } = useAction();
  const set = <K extends keyof Content>(k: K, v: Content[K]) => setC((x) => ({ ...x, [k]: v }));
  // The field a server error names: a party's select or name, else the field of that name.
  const fid = (f: string) => {
    const party = /^content\.parties\.(\d+)(\.name)?/.exec(f);
    return party ? `coop-party-${party[1]}${party[2] ? '-name' : ''}` : `coop-${f.replace(/^content\./, '').replace(/\./g, '-')}`;
  };
  const partyValue = (p: Party) => (p.kind === 'unemployment_fund' ? `fund:${p.id}` : p.kind === 'organisation' ? `org:${p.code}` : 'other');
  const fromValue = (v: string, name: string): Party => (v.startsWith('fund:') ? { kind: 'unemployment_fund', id: v.slice(5), name } : v.startsWith('org:') ? { kind: 'organisation', code: v.slice(4), name } : { kind: 'other', name });
  const partyOptions = [
    { value: 'other', label: 'En anden part (skriv navnet)' },
    ...options.unemployment_funds.map((f) => ({ value: `fund:${f.id}`, label: `A-kasse: ${f.name}` })),
    ...options.organisations.map((o) => ({ value: `org:${o.code}`, label: o.name })),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('Gemmer …', async () => {
      const saved = await api(`/api/cooperation/${a.id}`, agreementResponse, { method: 'PUT', body: { title, version: a.version, content: toSave(c) } });
      onSaved(saved);
      return `Gemt som version ${saved.version}.`;
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="coop-form">
      <h2 id="coop-form">Aftalen</h2>
      <ErrorSummary error={error} fieldId={fid} onReload={() => void onReload()} reloadHint="(henter den gemte aftale; dine ændringer i formularen forsvinder)" />
      {notice && <Alert kind="success">{notice}</Alert>}
      <Field id="coop-title" label="Titel" value={title} onChange={setTitle} />
      <fieldset className="mt-5">
        <legend className="h4">Parter</legend>
        <p className="form-hint">{a.jobcenter_name} er selv part. Vælg de andre parter.</p>
        {c.parties.map((p, i) => (
          <div key={i} className="doc-subsection">
            <Select id={`coop-party-${i}`} label={`Part ${i + 1}`} value={partyValue(p)} options={partyOptions} onChange={(v) => set('parties', c.parties.map((x, j) => (j === i ? fromValue(v, v === 'other' ? '' : (partyOptions.find((o) => o.value === v)?.label ?? '')) : x)))} />
            {p.kind === 'other' && <Field id={`coop-party-${i}-name`} label={`Navn på part ${i + 1}`} value={p.name} onChange={(v) => set('parties', c.parties.map((x, j) => (j === i ? { kind: 'other', name: v } : x)))} />}
            <button type="button" className="button button-tertiary" onClick={() => set('parties', c.parties.filter((_, j) => j !== i))}>Fjern part {i + 1}</button>
          </div>
        ))}
        <button type="button" id="coop-parties" className="button button-secondary" onClick={() => set('parties', [...c.parties, { kind: 'other', name: '' }])}>Tilføj part</button>
      </fieldset>
      {fields.map(([k, label, rows]) => <TextArea key={k} id={fid(k)} label={label} rows={rows} value={c[k] as string} onChange={(v) => set(k, v as never)} />)}
      <Checkbox id="coop-consent" label="Oplysninger om en borger udveksles kun med borgerens samtykke" checked={c.consent} onChange={(v) => set('consent', v)} />
      {dates.map(([k, label]) => <Field key={k} id={fid(k)} label={`${label} (ÅÅÅÅ-MM-DD)`} className="input-width-s" value={(c[k] as string | null) ?? ''} onChange={(v) => set(k, (v.trim() || null) as never)} />)}
      <p><button type="submit" className="button button-primary" disabled={busy !== null}>{busy ?? 'Gem'}</button></p>
    </form>
  );
}

function AgreementActions({ a, dirty, onMoved }: { a: Agreement; dirty: boolean; onMoved: (a: Agreement) => void }) {
  const { busy, error, run } = useAction();
  const [endOn, setEndOn] = useState('');
  const [reason, setReason] = useState('');
  const act = (action: 'sign' | 'review' | 'terminate', label: string) =>
    run(`${label} …`, async () => {
      onMoved(await api(`/api/cooperation/${a.id}/transitions`, agreementResponse, { method: 'POST', body: { action, version: a.version, ...(action === 'terminate' ? { terminated_on: endOn.trim() || undefined, reason } : {}) } }));
    });
  const canSign = a.state === 'draft' || a.state === 'under_review';
  const canTerminate = a.state === 'signed' || a.state === 'under_review';
  if (!canSign && a.state !== 'signed' && !canTerminate) return null;
  return (
    <section aria-labelledby="coop-actions" className="doc-section d-print-none">
      <h2 id="coop-actions" className="h3">Aftalens gang</h2>
      <ErrorSummary error={error} heading="Det kan ikke lade sig gøre" />
      {Array.isArray(error?.details.missing) && <ul>{(error.details.missing as { message: string }[]).map((m, i) => <li key={i}>{m.message}</li>)}</ul>}
      <div className="doc-transitions">
        {canSign && dirty && <p className="form-hint">Gem aftalen, før den registreres som underskrevet.</p>}
        {canSign && <button type="button" className="button button-primary" disabled={busy !== null || dirty} onClick={() => void act('sign', 'Registrerer underskriften')}>{a.state === 'draft' ? 'Registrér underskrevet' : 'Registrér underskrevet igen'}</button>}
        {a.state === 'signed' && <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void act('review', 'Tager aftalen under revision')}>Tag under revision</button>}
      </div>
      {canTerminate && (
        <form className="mt-4" noValidate onSubmit={(e) => { e.preventDefault(); void act('terminate', 'Registrerer opsigelsen'); }}>
          <fieldset>
            <legend className="h4">Opsigelse</legend>
            <Field id="coop-terminated_on" label="Aftalen ophører (ÅÅÅÅ-MM-DD)" className="input-width-s" value={endOn} onChange={setEndOn} />
            <TextArea id="coop-reason" label="Begrundelse (valgfri)" rows={2} value={reason} onChange={setReason} />
            <button type="submit" className="button button-secondary" disabled={busy !== null}>Registrér opsigelse</button>
          </fieldset>
        </form>
      )}
    </section>
  );
}

/** The documents attached (the signed agreement, annexes); the editors attach more. */
function Files({ a, onChanged }: { a: Agreement; onChanged: () => Promise<void> }) {
  const { busy, error, notice, run } = useAction();
  const upload = (file: File) =>
    run(`Uploader ${file.name} …`, async () => {
      if (file.size > 10 * 1024 * 1024) throw new ApiError(0, 'too_large', `Filen ${file.name} er større end 10 MB.`);
      const f = await api(`/api/cooperation/${a.id}/files`, agreementFileResponse, { method: 'POST', body: { name: file.name, mime: file.type || 'application/octet-stream', data: await readBase64(file) } });
      await onChanged();
      return `${f.name} er vedhæftet.`;
    });
  return (
    <section aria-labelledby="coop-files" className="doc-section">
      <h2 id="coop-files" className="h3">Dokumenter</h2>
      {a.files.length === 0 ? <p className="doc-empty">Der er ikke vedhæftet dokumenter.</p> : (
        <ul>{a.files.map((f) => <li key={f.id}><a href={`/api/cooperation/${a.id}/files/${f.id}`}>{f.name}</a> ({Math.max(1, Math.round(f.size / 1024))} KB, {when(f.created_at)})</li>)}</ul>
      )}
      {notice && <Alert kind="success">{notice}</Alert>}
      {a.may_edit && a.state !== 'terminated' && (
        <FormGroup id="coop-file" label="Vedhæft et dokument" hint="Fx den underskrevne aftale. Højst 10 MB." error={error?.message}>
          {(describedBy) => (
            <input className="form-input" type="file" id="coop-file" aria-describedby={describedBy} disabled={busy !== null}
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) void upload(f);
              }} />
          )}
        </FormGroup>
      )}
    </section>
  );
}

function Versions({ id }: { id: number }) {
  const [versions, setVersions] = useState<z.output<typeof agreementVersionsResponse> | null>(null);
  useEffect(() => void api(`/api/cooperation/${id}/versions`, agreementVersionsResponse).then(setVersions, () => setVersions([])), [id]);
  if (!versions) return null;
  return (
    <section aria-labelledby="coop-versions" className="doc-section">
      <h2 id="coop-versions">Versioner</h2>
      <table className="table table--compact">
        <thead><tr><th scope="col">Version</th><th scope="col">Hændelse</th><th scope="col">Af</th><th scope="col">Tidspunkt</th></tr></thead>
        <tbody>{versions.map((v) => <tr key={v.version}><td>{v.version}</td><td>{v.event_name}</td><td>{v.actor}</td><td>{when(v.created_at)}</td></tr>)}</tbody>
      </table>
    </section>
  );
}
