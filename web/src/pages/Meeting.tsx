/**
 * A council meeting (/raad/:code/moeder/:id): the agenda with numbered items (closed items
 * marked, attachments as links, decisions once taken) and the minutes, as PDF too. The
 * secretariat and the chair edit it: title, time, place, items (added, removed, moved, with
 * documents or uploaded files attached, a decision, and optionally the hearing response the
 * decision adopts) and the minutes; they publish the agenda and later the minutes. A save
 * names the revision it was based on; when someone else saved in between, the form keeps
 * what the user wrote.
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { documentListResponse } from '../../../src/documents/shared';
import { councilResponse } from '../../../src/councils/shared';
import { hearingResponse, openHearingsResponse } from '../../../src/hearings/shared';
import { fileResponse, meetingResponse } from '../../../src/meetings/shared';
import { api, ApiError, readBase64 } from '../api';
import { day, localInput, when, type Attachment, type HearingBody, type Item, type Meeting, type OpenHearing } from '../councils';
import { kindNames, type DocumentSummary } from '../documents';
import { Alert, Checkbox, ErrorSummary, Field, FormGroup, Progress, Select, TextArea, toError, useAction } from '../forms';
import { Layout } from '../Layout';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';

interface Draft {
  title: string;
  starts_at: string;
  place: string;
  items: Item[];
  minutes: string;
}
const draftOf = (m: Meeting): Draft => ({ title: m.title, starts_at: localInput(m.starts_at), place: m.place, items: structuredClone(m.items), minutes: m.minutes });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
let counter = 0;
const newItem = (): Item => ({ id: `nyt-${Date.now().toString(36)}-${++counter}`, title: '', text: '', closed: false, attachments: [], decision: '', hearing: null });
const MAX_FILE = 10 * 1024 * 1024;

/** The id of the form field for a path the server names (items.0.title → m-items-0-title), or of the nearest field on the page. */
function fieldIdOf(path: string): string {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const id = `m-${parts.slice(0, n).join('-')}`;
    if (document.getElementById(id)) return id;
  }
  return `m-${parts[0]}`;
}

export function MeetingPage({ code, id }: { code: string; id: string }) {
  const session = useSession();
  const { search } = useLocation();
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [base, setBase] = useState<number | null>(null);
  const [editing, setEditing] = useState(() => new URLSearchParams(search).get('rediger') === '1');
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, notice, setError, run } = useAction();

  const load = useCallback(
    async (keepForm = false) => {
      try {
        const m = await api(`/api/meetings/${encodeURIComponent(id)}`, meetingResponse);
        setMeeting(m);
        if (!keepForm) {
          setDraft(draftOf(m));
          setBase(m.revision);
        }
        setLoadError(null);
      } catch (e) {
        setLoadError(toError(e).message);
      }
    },
    [id],
  );
  useEffect(() => {
    if (session.loaded) void load();
  }, [session.loaded, session.user?.id, load]);

  if (!meeting || !draft) {
    return (
      <Layout title="Møde">
        <p className="mb-2"><Link to={`/raad/${encodeURIComponent(code)}`}>Rådet</Link></p>
        <h1>Møde</h1>
        {loadError ? <Alert kind="error">{loadError}</Alert> : <p role="status">Henter mødet …</p>}
      </Layout>
    );
  }

  const manage = meeting.may_manage;
  const meetingHeld = isHeld(meeting);
  const dirty = manage && !same(draft, draftOf(meeting));
  const adopting = (d: Draft) =>
    d.items.flatMap((item, i) => {
      const before = meeting.items.find((x) => x.id === item.id);
      return item.hearing && item.decision.trim() !== '' && !(before?.hearing && before.decision.trim() !== '') ? [i + 1] : [];
    });
  const save = () =>
    run('Gemmer mødet …', async () => {
      const adopted = adopting(draft);
      const saved = await api(`/api/meetings/${meeting.id}`, meetingResponse, { method: 'PUT', body: { revision: base, ...draft } });
      setMeeting(saved);
      setDraft(draftOf(saved));
      setBase(saved.revision);
      return `Mødet er gemt (version ${saved.revision}).${adopted.length ? ` Høringssvaret under punkt ${adopted.join(' og ')} er vedtaget og føjet til dokumentets bemærkninger.` : ''}`;
    });
  const publish = async (what: 'agenda' | 'minutes') => {
    if (dirty && !(await save())) return;
    await run(what === 'agenda' ? 'Offentliggør dagsordenen …' : 'Offentliggør referatet …', async () => {
      const current = await api(`/api/meetings/${meeting.id}`, meetingResponse);
      const saved = await api(`/api/meetings/${meeting.id}/publish`, meetingResponse, { method: 'POST', body: { revision: current.revision, what } });
      setMeeting(saved);
      setDraft(draftOf(saved));
      setBase(saved.revision);
      return what === 'agenda' ? 'Dagsordenen er offentliggjort. Rådets medlemmer og sekretariatet har fået besked.' : 'Referatet er offentliggjort. Rådets medlemmer og sekretariatet har fået besked.';
    });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };
  const toggle = () => {
    setEditing((v) => !v);
    navigate(`/raad/${encodeURIComponent(code)}/moeder/${meeting.id}${editing ? '' : '?rediger=1'}`, { replace: true });
  };

  return (
    <Layout title={`${meeting.title}, ${meeting.council.name}`}>
      <p className="mb-2"><Link to={`/raad/${encodeURIComponent(meeting.council.code)}`}>{meeting.council.name}</Link></p>
      <h1>{meeting.title}</h1>
      <p className="font-lead">{when(meeting.starts_at)} · {meeting.place}</p>
      <ul className="nobullet-list">
        <li>Dagsorden: {meeting.agenda_published_at ? <><span className="badge badge-success">Offentliggjort</span> {day(meeting.agenda_published_at.slice(0, 10))}</> : <span className="badge badge-info">Ikke offentliggjort</span>}</li>
        <li>Referat: {meeting.minutes_published_at ? <><span className="badge badge-success">Offentliggjort</span> {day(meeting.minutes_published_at.slice(0, 10))}</> : <span className="badge badge-info">Ikke offentliggjort</span>}</li>
      </ul>
      <p className="d-print-none">
        <a className="button button-secondary" href={`/api/meetings/${meeting.id}/pdf?what=agenda`} download>Dagsorden som PDF</a>{' '}
        {(meeting.minutes_published_at || manage) && <a className="button button-secondary" href={`/api/meetings/${meeting.id}/pdf?what=minutes`} download>Referat som PDF{meeting.minutes_published_at ? '' : ' (udkast)'}</a>}{' '}
        <a className="function-link" href={`/api/meetings/${meeting.id}/html?what=${meeting.minutes_published_at ? 'minutes' : 'agenda'}`}>Vis som HTML</a>
      </p>

      <ErrorSummary error={error} heading={error?.code === 'conflict' ? 'Mødet er ændret af en anden' : undefined} fieldId={fieldIdOf} onReload={() => void load().then(() => setError(null))} />
      {notice && <Alert kind="success">{notice}</Alert>}
      <Progress text={busy} />

      {manage && (
        <section aria-labelledby="manage-heading" className="d-print-none mb-6">
          <h2 id="manage-heading" className="h3">Mødets gang</h2>
          {dirty && <p className="form-hint">Dine ændringer gemmes først.</p>}
          <div className="doc-transitions">
            <button type="button" className="button button-secondary" onClick={toggle}>{editing ? 'Vis mødet' : 'Redigér mødet'}</button>
            <button type="button" className="button button-primary" disabled={busy !== null || meeting.agenda_published_at !== null} onClick={() => void publish('agenda')}>Offentliggør dagsorden</button>
            <button type="button" className="button button-primary" disabled={busy !== null || meeting.agenda_published_at === null || meeting.minutes_published_at !== null || !meetingHeld} onClick={() => void publish('minutes')}>Offentliggør referat</button>
          </div>
          {!meetingHeld && <p className="form-hint">{notHeld(localInput(meeting.starts_at))} Beslutninger og referat registreres på mødedagen eller derefter.</p>}
          {meeting.agenda_published_at === null && <p className="form-hint">Når dagsordenen offentliggøres, får medlemmerne besked, og alle kan se mødet og dets åbne punkter.</p>}
          {meeting.agenda_published_at !== null && meeting.minutes_published_at === null && <p className="form-hint">Beslutningerne og referatet bliver offentlige, når referatet offentliggøres. Lukkede punkter offentliggøres aldrig.</p>}
        </section>
      )}

      {manage && editing ? (
        <form onSubmit={onSubmit} noValidate aria-label="Mødet og dagsordenen">
          <MeetingEditor meeting={meeting} code={code} draft={draft} setDraft={setDraft} busy={busy !== null} />
          <div className="doc-savebar d-print-none">
            <button type="submit" className="button button-primary" disabled={busy !== null}>{busy === 'Gemmer mødet …' ? 'Gemmer …' : 'Gem'}</button>
            <span className="ml-4">{dirty ? 'Du har ændringer, der ikke er gemt.' : 'Alt er gemt.'}</span>
          </div>
        </form>
      ) : (
        <>
          {dirty && <Alert kind="info">Du har ændringer, der ikke er gemt. Vælg “Redigér mødet” for at gemme dem.</Alert>}
          <MeetingRead meeting={meeting} />
        </>
      )}
    </Layout>
  );
}

function Paragraphs({ text, empty }: { text: string; empty?: string }) {
  const ps = text.trim() === '' ? [] : text.trim().split(/\n\s*\n/);
  if (ps.length === 0) return empty ? <p className="doc-empty">{empty}</p> : null;
  return <>{ps.map((p, i) => <p key={i} className="doc-paragraph">{p}</p>)}</>;
}

function AttachmentLink({ meetingId, a }: { meetingId: number; a: Attachment }) {
  return a.kind === 'document' ? (
    <Link to={`/dokumenter/${a.document_id}`}>{a.title} (version {a.revision})</Link>
  ) : (
    <a href={`/api/meetings/${meetingId}/files/${a.file_id}`} download>{a.name}</a>
  );
}

function MeetingRead({ meeting }: { meeting: Meeting }) {
  return (
    <>
      <section aria-labelledby="agenda-heading" className="doc-section">
        <h2 id="agenda-heading">Dagsorden</h2>
        {meeting.items.length === 0 && <p className="doc-empty">Dagsordenen har ingen punkter endnu.</p>}
        <ol className="nobullet-list meeting-items">
          {meeting.items.map((item, i) => (
            <li key={item.id ?? i} className="meeting-item">
              <h3 className="h4">
                Punkt {i + 1}. {item.title}
                {item.closed && <> <span className="badge badge-warning">Lukket punkt</span></>}
              </h3>
              <Paragraphs text={item.text} />
              {item.attachments.length > 0 && (
                <>
                  <h4 className="h5">Bilag</h4>
                  <ul>{item.attachments.map((a, k) => <li key={k}><AttachmentLink meetingId={meeting.id} a={a} /></li>)}</ul>
                </>
              )}
              {item.hearing && (
                <div className="meeting-response">
                  <p className="form-hint">{item.decision.trim() !== '' ? 'Beslutningen vedtog rådets høringssvar' : 'Under punktet vedtager rådet sit høringssvar, når beslutningen registreres'}{item.hearing.response ? ':' : '.'}</p>
                  {item.hearing.response && <blockquote className="doc-quote"><Paragraphs text={item.hearing.response} /></blockquote>}
                </div>
              )}
              {item.decision.trim() !== '' && (
                <div className="meeting-decision">
                  <h4 className="h5">Beslutning</h4>
                  <Paragraphs text={item.decision} />
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>
      {meeting.minutes.trim() !== '' && (
        <section aria-labelledby="minutes-heading" className="doc-section">
          <h2 id="minutes-heading">Referat</h2>
          <Paragraphs text={meeting.minutes} />
        </section>
      )}
    </>
  );
}

/** The area of a council's documents: its own (J101 for LBR-J101, B1 for RBR-B1), DK for the BER. */
function useCouncilArea(code: string): string | null {
  const [area, setArea] = useState<string | null>(null);
  useEffect(() => {
    api(`/api/councils/${encodeURIComponent(code)}`, councilResponse).then((c) => setArea(c.area ?? 'DK'), () => setArea(null));
  }, [code]);
  return area;
}

function MeetingEditor({ meeting, code, draft, setDraft, busy }: { meeting: Meeting; code: string; draft: Draft; setDraft: (f: (d: Draft | null) => Draft | null) => void; busy: boolean }) {
  const area = useCouncilArea(meeting.council.code);
  const [docs, setDocs] = useState<DocumentSummary[]>([]);
  const [hearings, setHearings] = useState<OpenHearing[]>([]);
  useEffect(() => {
    if (area) api(`/api/documents?area=${encodeURIComponent(area)}`, documentListResponse).then(setDocs, () => setDocs([]));
  }, [area]);
  useEffect(() => {
    api('/api/hearings', openHearingsResponse).then(setHearings, () => setHearings([]));
  }, []);
  const edit = (f: (d: Draft) => void) =>
    setDraft((d) => {
      const c = structuredClone(d)!;
      f(c);
      return c;
    });
  const hearingOptions = useMemo(
    () => hearings.flatMap((h) => h.bodies.filter((b) => b.code === meeting.council.code).map((b) => ({ value: String(h.id), label: `${kindNames[h.kind]} ${h.year} – ${h.area_name} (frist ${day(h.deadline)}; svaret: ${b.state_name.toLowerCase()})` }))),
    [hearings, meeting.council.code],
  );
  const n = draft.items.length;
  return (
    <>
      <section aria-labelledby="edit-meeting-heading" className="doc-section">
        <h2 id="edit-meeting-heading">Mødet</h2>
        <Field id="m-title" label="Titel" value={draft.title} onChange={(v) => edit((d) => void (d.title = v))} />
        <Field id="m-starts_at" label="Tidspunkt" type="datetime-local" hint="Dansk tid." value={draft.starts_at} onChange={(v) => edit((d) => void (d.starts_at = v))} />
        <Field id="m-place" label="Sted" value={draft.place} onChange={(v) => edit((d) => void (d.place = v))} />
      </section>
      <section aria-labelledby="edit-items-heading" className="doc-section">
        <h2 id="edit-items-heading">Dagsordenens punkter</h2>
        {n === 0 && <p className="doc-empty">Ingen punkter endnu.</p>}
        {draft.items.map((item, i) => (
          <ItemEditor
            key={item.id ?? i}
            i={i}
            n={n}
            item={item}
            meeting={meeting}
            docs={docs}
            hearingOptions={hearingOptions}
            hearings={hearings}
            startsAt={draft.starts_at}
            busy={busy}
            onChange={(f) => edit((d) => f(d.items[i]!))}
            onMove={(to) => {
              edit((d) => void d.items.splice(to, 0, d.items.splice(i, 1)[0]!));
              // Moving the item's DOM node drops the focus: put it on the item in its new place.
              setTimeout(() => document.getElementById(`m-items-${to}`)?.focus(), 0);
            }}
            onRemove={() => edit((d) => void d.items.splice(i, 1))}
          />
        ))}
        <button type="button" id="m-items" className="button button-secondary" onClick={() => {
          edit((d) => void d.items.push(newItem()));
          setTimeout(() => document.getElementById(`m-items-${n}-title`)?.focus(), 0);
        }}>Tilføj punkt</button>
      </section>
      <section aria-labelledby="edit-minutes-heading" className="doc-section">
        <h2 id="edit-minutes-heading">Referat</h2>
        {meeting.minutes_published_at ? (
          <>
            <p className="form-hint">Referatet er offentliggjort og kan ikke ændres.</p>
            <Paragraphs text={draft.minutes} empty="Intet referat ud over beslutningerne." />
          </>
        ) : !isHeld(meeting, draft.starts_at) && draft.minutes.trim() === '' ? (
          <p className="form-hint">{notHeld(draft.starts_at)} Referatet skrives på mødedagen eller derefter.</p>
        ) : (
          <TextArea id="m-minutes" label="Referat" hint="Fx fremmødte og forhold, der ikke hører til et bestemt punkt. Beslutningerne skrives under punkterne." rows={5} value={draft.minutes} onChange={(v) => edit((d) => void (d.minutes = v))} />
        )}
      </section>
      <p className="form-hint">Mødet hører til {meeting.council.name} (<Link to={`/raad/${encodeURIComponent(code)}`}>rådets side</Link>).</p>
    </>
  );
}

/** Whether the meeting (at `startsAt`, a Copenhagen `datetime-local` value) is held by the server's day. */
const isHeld = (m: Meeting, startsAt = localInput(m.starts_at)) => m.today >= startsAt.slice(0, 10);
const notHeld = (startsAt: string) => `Mødet holdes ${day(startsAt.slice(0, 10))} og er ikke holdt endnu.`;

function ItemEditor({ i, n, item, meeting, docs, hearingOptions, hearings, startsAt, busy, onChange, onMove, onRemove }: {
  i: number; n: number; item: Item; meeting: Meeting; docs: DocumentSummary[]; hearingOptions: { value: string; label: string }[]; hearings: OpenHearing[]; startsAt: string; busy: boolean;
  onChange: (f: (it: Item) => void) => void; onMove: (to: number) => void; onRemove: () => void;
}) {
  const id = `m-items-${i}`;
  const [doc, setDoc] = useState('');
  const { busy: upload, error: uploadError, setError: setUploadError, run } = useAction();
  const label = item.title.trim() || `punkt ${i + 1}`;
  const attachDocument = () => {
    const d = docs.find((x) => String(x.id) === doc);
    if (!d) return;
    onChange((it) => void it.attachments.push({ kind: 'document', document_id: d.id, revision: d.revision, title: `${kindNames[d.kind]} ${d.year} – ${d.area_name}` }));
    setDoc('');
  };
  const uploadFile = async (file: File) => {
    if (file.size > MAX_FILE) return setUploadError(new ApiError(0, 'too_large', `Filen ${file.name} er større end 10 MB.`));
    await run(`Uploader ${file.name} …`, async () => {
      const data = await readBase64(file);
      const f = await api(`/api/meetings/${meeting.id}/files`, fileResponse, { method: 'POST', body: { name: file.name, mime: file.type || 'application/octet-stream', data } });
      onChange((it) => void it.attachments.push({ kind: 'file', file_id: f.id, name: f.name }));
    });
  };
  const hearingValue = item.hearing ? String(item.hearing.hearing_id) : '';
  const options = [{ value: '', label: 'Intet høringssvar' }, ...hearingOptions, ...(item.hearing && !hearingOptions.some((o) => o.value === hearingValue) ? [{ value: hearingValue, label: `Høring ${hearingValue} (${item.hearing.body})` }] : [])];
  return (
    <fieldset className="target-editor meeting-item-editor" id={id} tabIndex={-1}>
      <legend className="h4">Punkt {i + 1}{item.title.trim() ? `: ${item.title}` : ''}</legend>
      <Field id={`${id}-title`} label="Overskrift" value={item.title} onChange={(v) => onChange((it) => void (it.title = v))} />
      <TextArea id={`${id}-text`} label="Sagsfremstilling" rows={3} value={item.text} onChange={(v) => onChange((it) => void (it.text = v))} />
      <Checkbox id={`${id}-closed`} label="Lukket punkt" hint="Lukkede punkter (fx personsager) vises kun for rådet og sekretariatet og offentliggøres aldrig." checked={item.closed} onChange={(v) => onChange((it) => void (it.closed = v))} />

      <h3 className="h5">Bilag</h3>
      {item.attachments.length === 0 ? <p className="doc-empty">Ingen bilag.</p> : (
        <ul>
          {item.attachments.map((a, k) => (
            <li key={k}>
              <AttachmentLink meetingId={meeting.id} a={a} />{' '}
              <button type="button" className="button button-tertiary" onClick={() => onChange((it) => void it.attachments.splice(k, 1))}>Fjern bilaget<span className="sr-only"> {a.kind === 'document' ? a.title : a.name} fra {label}</span></button>
            </li>
          ))}
        </ul>
      )}
      <div className="indicator-fields">
        <Select id={`${id}-doc`} label="Dokument fra Styringshjulet" value={doc} onChange={setDoc} options={[{ value: '', label: 'Vælg et dokument' }, ...docs.map((d) => ({ value: String(d.id), label: `${kindNames[d.kind]} ${d.year} – ${d.area_name} (version ${d.revision})` }))]} />
        <div className="form-group">
          <button type="button" className="button button-secondary" disabled={doc === ''} onClick={attachDocument}>Vedhæft dokumentet<span className="sr-only"> til {label}</span></button>
        </div>
      </div>
      <FormGroup id={`${id}-file`} label="Upload en fil som bilag" hint="Højst 10 MB. Filen vedhæftes punktet, når mødet gemmes." error={uploadError?.message}>
        {(describedBy) => (
          <input
            className="form-input"
            type="file"
            id={`${id}-file`}
            aria-describedby={describedBy}
            disabled={upload !== null}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void uploadFile(f);
            }}
          />
        )}
      </FormGroup>
      <Progress text={upload} />

      <Select
        id={`${id}-hearing`}
        label="Vedtager høringssvar"
        hint="Når punktet har en beslutning og mødet gemmes, vedtages rådets høringssvar og føjes til dokumentets bemærkninger."
        value={hearingValue}
        onChange={(v) => onChange((it) => void (it.hearing = v ? { hearing_id: Number(v), body: meeting.council.code } : null))}
        options={options}
      />
      {item.hearing && <ResponseToAdopt id={`${id}-response`} item={item} documentId={hearings.find((h) => h.id === item.hearing!.hearing_id)?.document_id} onChange={onChange} />}
      {!isHeld(meeting, startsAt) && item.decision.trim() === '' ? (
        <p className="form-hint" id={`${id}-decision`}>{notHeld(startsAt)} Beslutningen skrives på mødedagen eller derefter.</p>
      ) : (
        <TextArea id={`${id}-decision`} label="Beslutning" hint="Skrives på eller efter mødet. Offentliggøres med referatet (lukkede punkter aldrig)." rows={2} value={item.decision} onChange={(v) => onChange((it) => void (it.decision = v))} />
      )}
      <div className="doc-transitions">
        <button type="button" className="button button-tertiary" disabled={i === 0 || busy} onClick={() => onMove(i - 1)}>Flyt op<span className="sr-only"> {label}</span></button>
        <button type="button" className="button button-tertiary" disabled={i === n - 1 || busy} onClick={() => onMove(i + 1)}>Flyt ned<span className="sr-only"> {label}</span></button>
        <button type="button" className="button button-tertiary" disabled={busy} onClick={onRemove}>Fjern punktet<span className="sr-only"> {label}</span></button>
      </div>
    </fieldset>
  );
}

/**
 * The response the item's decision adopts, shown before the adoption: the body's draft, which
 * the meeting may amend here; the text in this field is what the decision adopts.
 */
function ResponseToAdopt({ id, item, documentId, onChange }: { id: string; item: Item; documentId: number | undefined; onChange: (f: (it: Item) => void) => void }) {
  const [body, setBody] = useState<HearingBody | null>(null);
  const code = item.hearing!.body;
  useEffect(() => {
    if (documentId) api(`/api/documents/${documentId}/hearing`, hearingResponse).then((r) => setBody(r.hearing?.bodies.find((b) => b.code === code) ?? null), () => setBody(null));
  }, [documentId, code]);
  // A hearing no longer open (the document approved) is not listed: the item's stored text is the adopted one.
  if (body?.state === 'adopted' || (documentId === undefined && item.hearing!.response)) {
    return (
      <div className="meeting-response">
        <p className="form-hint">Høringssvaret er vedtaget{body?.adopted_by ? ` (${body.adopted_by})` : ''}:</p>
        <blockquote className="doc-quote"><Paragraphs text={body?.response ?? item.hearing!.response ?? ''} /></blockquote>
      </div>
    );
  }
  if (!body) return null;
  return (
    <TextArea
      id={id}
      label="Høringssvaret, som mødet vedtager"
      hint="Udkastet fra høringssiden. Ret teksten her, hvis mødet ændrer svaret: det er denne tekst, beslutningen vedtager."
      rows={5}
      value={item.hearing!.response ?? body.response}
      onChange={(v) => onChange((it) => void (it.hearing!.response = v))}
    />
  );
}
