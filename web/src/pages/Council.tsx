/**
 * A council (/raad/:code): its composition against the rules (seats filled and required, the
 * problems found), its members with substitutes, terms and offices (the secretariat adds,
 * changes and removes them), its rules of procedure, an LBR's grants (CouncilGrants), its meetings (managers call a new one),
 * its own yearly calendar of milestones (members and secretariat) and its calendar feed.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { milestonesResponse } from '../../../src/calendar/shared';
import { councilResponse, memberResponse } from '../../../src/councils/shared';
import { documentSummarySchema } from '../../../src/documents/shared';
import { meetingResponse, meetingsResponse } from '../../../src/meetings/shared';
import { api, send } from '../api';
import { day, officeNames, period, when, type CouncilView, type MeetingSummary, type Member, type Milestone } from '../councils';
import { stateClass, stateNames } from '../documents';
import { Alert, ErrorSummary, Field, fieldError, Progress, Select, TextArea, toError, useAction } from '../forms';
import { Layout } from '../Layout';
import { CouncilGrants } from './CouncilGrants';
import { FollowupMaterial } from './FollowupMaterial';
import { Link, navigate } from '../router';
import { useSession } from '../session';

export function CouncilPage({ code }: { code: string }) {
  const session = useSession();
  const [council, setCouncil] = useState<CouncilView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setCouncil(await api(`/api/councils/${encodeURIComponent(code)}`, councilResponse));
      setLoadError(null);
    } catch (e) {
      setLoadError(toError(e).message);
    }
  }, [code]);
  useEffect(() => {
    if (session.loaded) void load();
  }, [session.loaded, session.user?.id, load]);

  if (!council) {
    return (
      <Layout title="Råd">
        <p className="mb-2"><Link to="/raad">Råd og møder</Link></p>
        <h1>Råd</h1>
        {loadError ? <Alert kind="error">{loadError}</Alert> : <p role="status">Henter rådet …</p>}
      </Layout>
    );
  }
  const insider = council.access.member || council.access.secretariat;
  return (
    <Layout title={council.name}>
      <p className="mb-2"><Link to="/raad">Råd og møder</Link></p>
      <h1>{council.name}</h1>
      <p className="font-lead">{council.type_name}{council.access.chair ? ' · Du er formand' : council.access.member ? ' · Du er medlem' : ''}{council.access.secretariat ? ' · Du er sekretariat' : ''}</p>
      <nav aria-label="På siden">
        <ul className="nobullet-list council-toc">
          <li><a href="#s-composition">Sammensætning</a></li>
          <li><a href="#s-members">Medlemmer</a></li>
          <li><a href="#s-rules">Forretningsorden</a></li>
          <li><a href="#s-meetings">Møder</a></li>
          {council.type === 'LBR' && <li><a href="#s-followup">Regionens opfølgning</a></li>}
          {insider && <li><a href="#s-milestones">Rådets eget årshjul</a></li>}
          <li><a href="#s-feed">Kalender</a></li>
          {council.type === 'LBR' && council.area && <li><Link to={`/samarbejdsaftaler?jobcenter=${council.area}`}>Jobcentrets samarbejdsaftaler</Link></li>}
        </ul>
      </nav>
      <Composition council={council} />
      <Members council={council} reload={load} />
      <Rules council={council} />
      {council.type === 'LBR' && council.area && <CouncilGrants council={council} />}
      <Meetings code={council.code} />
      {council.type === 'LBR' && council.area && <FollowupMaterial jobcenter={council.area} />}
      {insider && <Milestones code={council.code} />}
      <Feed code={council.code} />
    </Layout>
  );
}

function Composition({ council }: { council: CouncilView }) {
  const c = council.composition;
  return (
    <section aria-labelledby="s-composition" className="doc-section">
      <h2 id="s-composition">Sammensætning</h2>
      <p>Rådet hører til perioden <strong>{council.era.name}</strong> ({council.era.law}).</p>
      {council.covers.length > 0 && <p>Rådet dækker {council.covers.length} {council.covers.length === 1 ? 'kommune' : 'kommuner'}: {council.covers.join(', ')}.</p>}
      {c && <p><strong>{c.applied.text}</strong></p>}
      {c && <p>Reglerne for {council.type_name.toLowerCase()} {period(c.from, c.to)}: {c.source}</p>}
      {council.problems.length === 0 ? (
        <Alert kind="success">Sammensætningen opfylder {c ? c.applied.short : 'reglerne'}.</Alert>
      ) : (
        <div className="alert alert-warning" role="status">
          <div className="alert-body">
            <p className="alert-heading">Sammensætningen opfylder ikke {c ? c.applied.short : 'reglerne'} ({council.problems.length} {council.problems.length === 1 ? 'problem' : 'problemer'})</p>
            <ul className="alert-text">
              {council.problems.map((p, i) => <li key={i}>{p.message}</li>)}
            </ul>
          </div>
        </div>
      )}
      {c && c.seats.length > 0 && (
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <caption>Pladserne {day(council.date)}</caption>
            <thead><tr><th scope="col">Plads</th><th scope="col" className="text-align-right">Besat</th><th scope="col" className="text-align-right">Krav</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {c.seats.map((s) => {
                const ok = s.have >= s.min && s.have <= s.max;
                return (
                  <tr key={s.seat}>
                    <th scope="row">{s.name}</th>
                    <td className="text-align-right">{s.have}</td>
                    <td className="text-align-right">{s.min === s.max ? s.min : `${s.min}–${s.max}`}</td>
                    <td><span className={`badge ${ok ? 'badge-success' : 'badge-error'}`}>{ok ? 'I orden' : s.have < s.min ? 'Ubesat' : 'For mange'}</span></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface MemberForm {
  seat: string;
  name: string;
  email: string;
  substitute_name: string;
  substitute_email: string;
  term_from: string;
  term_to: string;
  appointed_by: string;
  office: string;
  office_from: string;
  office_to: string;
}
const blankMember = (): MemberForm => ({ seat: '', name: '', email: '', substitute_name: '', substitute_email: '', term_from: '', term_to: '', appointed_by: '', office: '', office_from: '', office_to: '' });
const formOf = (m: Member): MemberForm => ({
  seat: m.seat, name: m.name, email: m.email ?? '', substitute_name: m.substitute_name ?? '', substitute_email: m.substitute_email ?? '',
  term_from: m.term_from, term_to: m.term_to ?? '', appointed_by: m.appointed_by, office: m.office ?? '', office_from: m.office_from ?? '', office_to: m.office_to ?? '',
});
const bodyOf = (f: MemberForm) => ({
  seat: f.seat, name: f.name, email: f.email.trim() || null, substitute_name: f.substitute_name.trim() || null, substitute_email: f.substitute_email.trim() || null,
  term_from: f.term_from, term_to: f.term_to || null, appointed_by: f.appointed_by, office: f.office || null, office_from: f.office_from || null, office_to: f.office_to || null,
});
const memberFieldId = (field: string) => `member-${field.split('.')[0]}`;

function Members({ council, reload }: { council: CouncilView; reload: () => Promise<void> }) {
  const manage = council.access.secretariat;
  const insider = council.access.member || manage;
  /** The form: a new member, or the member being changed. */
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [confirm, setConfirm] = useState<number | null>(null);
  const { busy, error, notice, setError, setNotice, run } = useAction();

  const remove = (m: Member) =>
    run(`Fjerner ${m.name} …`, async () => {
      await send(`/api/councils/${encodeURIComponent(council.code)}/members/${m.id}?version=${m.version}`, { method: 'DELETE' });
      setConfirm(null);
      await reload();
      return `${m.name} er fjernet fra rådet.`;
    });

  return (
    <section aria-labelledby="s-members" className="doc-section">
      <h2 id="s-members" tabIndex={-1}>Medlemmer</h2>
      <ErrorSummary error={error} onReload={() => void reload().then(() => setError(null))} reloadHint="(viser medlemmerne, som de er nu)" />
      {notice && <Alert kind="success">{notice}</Alert>}
      <Progress text={busy} />
      {council.members.length === 0 ? (
        <p className="doc-empty">Rådet har ingen registrerede medlemmer.</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <caption className="sr-only">Rådets medlemmer og suppleanter</caption>
            <thead>
              <tr>
                <th scope="col">Plads</th><th scope="col">Navn</th><th scope="col">Suppleant</th><th scope="col">Periode</th><th scope="col">Udpeget af</th><th scope="col">Hverv</th>
                {manage && <th scope="col"><span className="sr-only">Handlinger</span></th>}
              </tr>
            </thead>
            <tbody>
              {council.members.map((m) => (
                <tr key={m.id}>
                  <td>{m.seat_name}</td>
                  <td>{m.name}{insider && m.email && <><br /><span className="form-hint">{m.email}</span></>}</td>
                  <td>{m.substitute_name ?? '–'}{insider && m.substitute_email && <><br /><span className="form-hint">{m.substitute_email}</span></>}</td>
                  <td>{period(m.term_from, m.term_to)}</td>
                  <td>{m.appointed_by}</td>
                  <td>{m.office ? `${officeNames[m.office]}${m.office_from || m.office_to ? ` (${period(m.office_from, m.office_to)})` : ''}` : ''}</td>
                  {manage && (
                    <td className="council-actions">
                      <button type="button" className="function-link" disabled={busy !== null} onClick={() => { setEditing(m); setConfirm(null); }}>Ret<span className="sr-only"> {m.name}</span></button>
                      {confirm === m.id ? (
                        <>
                          <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void remove(m)}>Bekræft: fjern {m.name}</button>
                          <button type="button" className="function-link" onClick={() => setConfirm(null)}>Fortryd</button>
                        </>
                      ) : (
                        <button type="button" className="function-link" disabled={busy !== null} onClick={() => setConfirm(m.id)}>Fjern<span className="sr-only"> {m.name}</span></button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manage && editing === null && (
        <p><button type="button" className="button button-secondary" onClick={() => { setEditing('new'); setNotice(null); }}>Tilføj medlem</button></p>
      )}
      {manage && editing !== null && (
        <MemberEditor
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          council={council}
          member={editing === 'new' ? null : editing}
          onCancel={() => {
            setEditing(null);
            setTimeout(() => document.getElementById('s-members')?.focus(), 0);
          }}
          onReload={async () => {
            await reload();
          }}
          onSaved={async (text) => {
            setEditing(null);
            await reload();
            setNotice(text);
            document.getElementById('s-members')?.focus();
          }}
        />
      )}
    </section>
  );
}

function MemberEditor({ council, member, onCancel, onSaved, onReload }: { council: CouncilView; member: Member | null; onCancel: () => void; onSaved: (notice: string) => Promise<void>; onReload: () => Promise<void> }) {
  const [f, setF] = useState<MemberForm>(() => (member ? formOf(member) : blankMember()));
  const [version, setVersion] = useState(member?.version ?? 0);
  const { busy, error, setError, run } = useAction();
  const set = (k: keyof MemberForm) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const err = (k: string) => fieldError(error, k);
  const heading = member ? `Ret ${member.name}` : 'Tilføj medlem';
  useEffect(() => {
    document.getElementById('member-heading')?.focus();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('Gemmer …', async () => {
      const path = `/api/councils/${encodeURIComponent(council.code)}/members${member ? `/${member.id}` : ''}`;
      const saved = await api(path, memberResponse, { method: member ? 'PUT' : 'POST', body: member ? { ...bodyOf(f), version } : bodyOf(f) });
      await onSaved(member ? `${saved.name} er gemt.` : `${saved.name} er tilføjet.`);
    });
  };
  /** After a conflict: the newest version of the member replaces the form. */
  const reload = async () => {
    await onReload();
    const fresh = await api(`/api/councils/${encodeURIComponent(council.code)}`, councilResponse);
    const m = fresh.members.find((x) => x.id === member?.id);
    if (m) {
      setF(formOf(m));
      setVersion(m.version);
    }
    setError(null);
  };
  return (
    <form className="target-editor mt-6" noValidate onSubmit={submit} aria-labelledby="member-heading">
      <h3 id="member-heading" tabIndex={-1}>{heading}</h3>
      <ErrorSummary error={error} heading={error?.code === 'conflict' ? 'Medlemmet er ændret af en anden' : undefined} fieldId={memberFieldId} onReload={() => void reload()} />
      <Select id="member-seat" label="Plads" value={f.seat} onChange={set('seat')} error={err('seat')} options={[{ value: '', label: 'Vælg pladsen' }, ...council.seats.map((x) => ({ value: x.id, label: x.name }))]} />
      <Field id="member-name" label="Navn" value={f.name} onChange={set('name')} error={err('name')} autoComplete="off" />
      <Field id="member-email" label="E-mail (valgfri)" type="email" hint="Medlemmer med en bruger i Styringshjulet får adgang til rådets høringer og møder." value={f.email} onChange={set('email')} error={err('email')} autoComplete="off" />
      <Field id="member-substitute_name" label="Personlig suppleant (valgfri)" value={f.substitute_name} onChange={set('substitute_name')} error={err('substitute_name')} autoComplete="off" />
      <Field id="member-substitute_email" label="Suppleantens e-mail (valgfri)" type="email" value={f.substitute_email} onChange={set('substitute_email')} error={err('substitute_email')} autoComplete="off" />
      <Field id="member-term_from" label="Udpeget fra" type="date" hint="ÅÅÅÅ-MM-DD" value={f.term_from} onChange={set('term_from')} error={err('term_from')} />
      <Field id="member-term_to" label="Udpeget til (valgfri)" type="date" hint="ÅÅÅÅ-MM-DD. Tom: uden slutdato." value={f.term_to} onChange={set('term_to')} error={err('term_to')} />
      <Field id="member-appointed_by" label="Udpeget af" hint="Fx LO, DA eller Kommunalbestyrelsen." value={f.appointed_by} onChange={set('appointed_by')} error={err('appointed_by')} />
      <Select id="member-office" label="Hverv" value={f.office} onChange={set('office')} options={[{ value: '', label: 'Intet' }, { value: 'chair', label: 'Formand' }, { value: 'deputy_chair', label: 'Næstformand' }]} />
      {f.office && (
        <>
          <Field id="member-office_from" label="Hvervet fra (valgfri)" type="date" value={f.office_from} onChange={set('office_from')} error={err('office_from')} />
          <Field id="member-office_to" label="Hvervet til (valgfri)" type="date" value={f.office_to} onChange={set('office_to')} error={err('office_to')} />
        </>
      )}
      <button type="submit" className="button button-primary" disabled={busy !== null}>{busy !== null ? 'Gemmer …' : member ? 'Gem medlemmet' : 'Tilføj medlemmet'}</button>{' '}
      <button type="button" className="button button-tertiary" onClick={onCancel}>Annullér</button>
    </form>
  );
}

function Rules({ council }: { council: CouncilView }) {
  const { busy, error, run } = useAction();
  const year = new Date().getFullYear();
  const docs = council.rules_of_procedure;
  const create = () =>
    run('Opretter …', async () => {
      const d = await api('/api/documents', documentSummarySchema, { method: 'POST', body: { kind: 'rules_of_procedure', area: council.area, year } });
      navigate(`/dokumenter/${d.id}`);
    });
  return (
    <section aria-labelledby="s-rules" className="doc-section">
      <h2 id="s-rules">Forretningsorden</h2>
      <ErrorSummary error={error} />
      {docs.length === 0 ? (
        <p className="doc-empty">Rådet har ingen offentliggjort forretningsorden i Styringshjulet.</p>
      ) : (
        <ul>
          {docs.map((d) => (
            <li key={d.id}><Link to={`/dokumenter/${d.id}`}>Forretningsorden {d.year}</Link> <span className={stateClass(d.state)}>{stateNames[d.state]}</span></li>
          ))}
        </ul>
      )}
      {council.access.secretariat && council.area && !docs.some((d) => d.year === year) && (
        <p>
          <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void create()}>{busy !== null ? 'Opretter …' : docs.length === 0 ? 'Opret forretningsorden' : `Opret forretningsorden for ${year}`}</button>
        </p>
      )}
    </section>
  );
}

function Meetings({ code }: { code: string }) {
  const [list, setList] = useState<{ may_manage: boolean; meetings: MeetingSummary[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api(`/api/councils/${encodeURIComponent(code)}/meetings`, meetingsResponse).then(setList, (e: Error) => setError(e.message));
  }, [code]);
  return (
    <section aria-labelledby="s-meetings" className="doc-section">
      <h2 id="s-meetings">Møder</h2>
      {error && <Alert kind="error">{error}</Alert>}
      {!list && !error && <p role="status">Henter møderne …</p>}
      {list && list.meetings.length === 0 && <p className="doc-empty">Der er ingen møder at vise.</p>}
      {list && list.meetings.length > 0 && (
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <caption className="sr-only">Rådets møder, nyeste først</caption>
            <thead><tr><th scope="col">Møde</th><th scope="col">Tidspunkt</th><th scope="col">Sted</th><th scope="col" className="text-align-right">Punkter</th><th scope="col">Dagsorden</th><th scope="col">Referat</th></tr></thead>
            <tbody>
              {list.meetings.map((m) => (
                <tr key={m.id}>
                  <td><Link to={`/raad/${encodeURIComponent(code)}/moeder/${m.id}`}>{m.title}<span className="sr-only"> {when(m.starts_at)}</span></Link></td>
                  <td>{when(m.starts_at)}</td>
                  <td>{m.place}</td>
                  <td className="text-align-right">{m.items}</td>
                  <td>{m.agenda_published_at ? <span className="badge badge-success">Offentliggjort</span> : <span className="badge badge-info">Ikke offentliggjort</span>}</td>
                  <td>{m.minutes_published_at ? <span className="badge badge-success">Offentliggjort</span> : <span className="badge badge-info">Ikke offentliggjort</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list?.may_manage && <NewMeeting code={code} />}
    </section>
  );
}

const meetingFieldId = (field: string) => `new-meeting-${field.split('.')[0]}`;

function NewMeeting({ code }: { code: string }) {
  const [title, setTitle] = useState('Ordinært møde');
  const [startsAt, setStartsAt] = useState('');
  const [place, setPlace] = useState('');
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('Opretter …', async () => {
      const m = await api(`/api/councils/${encodeURIComponent(code)}/meetings`, meetingResponse, { method: 'POST', body: { title, starts_at: startsAt, place } });
      navigate(`/raad/${encodeURIComponent(code)}/moeder/${m.id}?rediger=1`);
    });
  };
  return (
    <details className="details mt-6">
      <summary className="details-summary">Indkald til møde</summary>
      <div className="details-text">
        <ErrorSummary error={error} fieldId={meetingFieldId} />
        <form noValidate onSubmit={submit} aria-label="Indkald til møde">
          <Field id="new-meeting-title" label="Titel" value={title} onChange={setTitle} error={fieldError(error, 'title')} />
          <Field id="new-meeting-starts_at" label="Tidspunkt" type="datetime-local" hint="Dansk tid." value={startsAt} onChange={setStartsAt} error={fieldError(error, 'starts_at')} />
          <Field id="new-meeting-place" label="Sted" value={place} onChange={setPlace} error={fieldError(error, 'place')} />
          <p className="form-hint">Punkterne på dagsordenen skrives på mødets side, når mødet er oprettet.</p>
          <button type="submit" className="button button-primary" disabled={busy !== null}>{busy !== null ? 'Opretter …' : 'Opret mødet'}</button>
        </form>
      </div>
    </details>
  );
}

function Milestones({ code }: { code: string }) {
  const [list, setList] = useState<Milestone[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [due, setDue] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const { busy, error, notice, run } = useAction();
  const base = `/api/councils/${encodeURIComponent(code)}/milestones`;
  const load = useCallback(async () => {
    try {
      setList((await api(base, milestonesResponse)).milestones);
    } catch (e) {
      setLoadError(toError(e).message);
    }
  }, [base]);
  useEffect(() => {
    void load();
  }, [load]);
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run('Tilføjer milepælen …', async () => {
      await send(base, { method: 'POST', body: { due, title, description } });
      const t = title;
      setDue('');
      setTitle('');
      setDescription('');
      await load();
      return `Milepælen "${t}" er tilføjet.`;
    });
  };
  return (
    <section aria-labelledby="s-milestones" className="doc-section">
      <h2 id="s-milestones">Rådets eget årshjul</h2>
      <p>Rådets egne milepæle ud over de lovbestemte frister. De vises også i medlemmernes personlige kalender.</p>
      {loadError && <Alert kind="error">{loadError}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      <Progress text={busy} />
      {list && list.length === 0 && <p className="doc-empty">Rådet har ingen milepæle endnu.</p>}
      {list && list.length > 0 && (
        <ul className="nobullet-list milestones">
          {list.map((m) => (
            <li key={m.id}>
              <strong>{day(m.due)}: {m.title}</strong>
              {m.description && <p className="mt-0 mb-2 doc-paragraph">{m.description}</p>}
              <button type="button" className="button button-tertiary" disabled={busy !== null} onClick={() => void run('Sletter milepælen …', async () => {
                await send(`${base}/${m.id}`, { method: 'DELETE' });
                await load();
                return `Milepælen "${m.title}" er slettet.`;
              })}>Slet<span className="sr-only"> milepælen {m.title}</span></button>
            </li>
          ))}
        </ul>
      )}
      <form noValidate onSubmit={add} className="target-editor mt-4" aria-labelledby="milestone-heading">
        <h3 id="milestone-heading" className="h4">Ny milepæl</h3>
        <ErrorSummary error={error} fieldId={(f) => `milestone-${f}`} />
        <Field id="milestone-due" label="Dato" type="date" hint="ÅÅÅÅ-MM-DD" value={due} onChange={setDue} error={fieldError(error, 'due')} />
        <Field id="milestone-title" label="Titel" value={title} onChange={setTitle} error={fieldError(error, 'title')} />
        <TextArea id="milestone-description" label="Beskrivelse (valgfri)" rows={2} value={description} onChange={setDescription} error={fieldError(error, 'description')} />
        <button type="submit" className="button button-secondary" disabled={busy !== null}>Tilføj milepæl</button>
      </form>
    </section>
  );
}

function Feed({ code }: { code: string }) {
  const path = `/api/calendar/feeds/organisations/${encodeURIComponent(code)}.ics`;
  return (
    <section aria-labelledby="s-feed" className="doc-section">
      <h2 id="s-feed">Kalender</h2>
      <p>Rådets offentliggjorte møder og fristerne i årshjullet som kalender (iCalendar), der opdateres af sig selv.</p>
      <p><a className="button button-secondary" href={path}>Abonnér på kalenderen</a></p>
      <div className="form-group">
        <label className="form-label" htmlFor="feed-url">Kalenderens adresse</label>
        <span className="form-hint" id="feed-url-hint">Indsæt adressen i din kalender-app under “Abonnér på kalender” (Outlook: “Tilføj kalender fra internettet”).</span>
        <input className="form-input feed-url" id="feed-url" readOnly aria-describedby="feed-url-hint" value={`${window.location.origin}${path}`} onFocus={(e) => e.target.select()} />
      </div>
    </section>
  );
}
