/**
 * A document's hearing (/dokumenter/:id/hoering): the heard version, the deadline, the consulted
 * bodies and their responses; the heard text by section and numbered paragraph, where members
 * comment and see each other's comments; for each body the user may write for, the response
 * editor (saving names the version it was based on; a conflict keeps the text), and the
 * adoption by the chair or the region when the rules allow it, else a pointer to the meeting.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { hearingResponse, responseVersionsResponse, storedResponse } from '../../../src/hearings/shared';
import { api, send } from '../api';
import { day, responseClass, type Hearing, type HearingBody, type HearingComment } from '../councils';
import { dateTime, kindNames } from '../documents';
import { Alert, ErrorSummary, Progress, RadioGroup, TextArea, toError, useAction } from '../forms';
import { TargetStatusView } from '../editor';
import { Layout } from '../Layout';
import { AuditTables } from './AuditTables';
import { Link } from '../router';
import { useSession } from '../session';

export function HearingPage({ id }: { id: string }) {
  const session = useSession();
  const [hearing, setHearing] = useState<Hearing | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setHearing((await api(`/api/documents/${encodeURIComponent(id)}/hearing`, hearingResponse)).hearing);
      setLoadError(null);
    } catch (e) {
      setLoadError(toError(e).message);
    }
  }, [id]);
  useEffect(() => {
    if (session.loaded) void load();
  }, [session.loaded, session.user?.id, load]);

  if (!hearing) {
    return (
      <Layout title="Høring">
        <p className="mb-2"><Link to={`/dokumenter/${id}`}>Tilbage til dokumentet</Link></p>
        <h1>Høring</h1>
        {loadError ? <Alert kind="error">{loadError}</Alert> : hearing === null ? <p>Dokumentet har ikke været sendt i høring.</p> : <p role="status">Henter høringen …</p>}
      </Layout>
    );
  }

  const d = hearing.document;
  const title = `${kindNames[d.kind]} ${d.year} – ${d.area_name}`;
  const commenters = hearing.bodies.filter((b) => b.may_comment);
  return (
    <Layout title={`Høring: ${title}`}>
      <p className="mb-2"><Link to={`/dokumenter/${d.id}`}>{title}</Link></p>
      <h1>Høring: {title}</h1>
      <dl className="doc-facts">
        <dt>Den hørte version</dt>
        <dd>Version {hearing.revision}{d.revision !== hearing.revision ? ` (dokumentet er nu version ${d.revision})` : ''}</dd>
        <dt>Frist for høringssvar</dt>
        <dd>{day(hearing.deadline)}</dd>
        <dt>Status</dt>
        <dd>
          {hearing.closed_at ? <span className="badge badge-success">Høringen er afsluttet {day(hearing.closed_at.slice(0, 10))}</span>
            : hearing.ended ? <span className="badge badge-warning">Fristen er udløbet</span>
              : <span className="badge badge-info">Høringen løber til og med {day(hearing.deadline)}</span>}
        </dd>
        {hearing.require_all && <><dt>Godkendelse</dt><dd>Dokumentet kan først godkendes, når alle høringssvar er vedtaget.</dd></>}
      </dl>

      <section aria-labelledby="s-bodies" className="doc-section">
        <h2 id="s-bodies">Høringsparter</h2>
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <caption className="sr-only">De hørte parter og deres høringssvar</caption>
            <thead><tr><th scope="col">Høringspart</th><th scope="col">Høringssvar</th><th scope="col">Vedtaget</th></tr></thead>
            <tbody>
              {hearing.bodies.map((b) => (
                <tr key={b.code}>
                  <th scope="row">{b.kind === 'council' ? <Link to={`/raad/${encodeURIComponent(b.code)}`}>{b.name}</Link> : b.name}</th>
                  <td>
                    <span className={responseClass(b.state)}>{b.state_name}</span>
                    {b.late && <> <span className="badge badge-warning">Modtaget efter fristen</span></>}
                  </td>
                  <td>{b.adopted_at ? `${day(b.adopted_at.slice(0, 10))} (${b.adopted_by ?? ''})` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="s-responses" className="doc-section">
        <h2 id="s-responses">Høringssvar</h2>
        {hearing.bodies.map((b) => <BodyResponse key={b.code} hearing={hearing} body={b} onChanged={load} />)}
      </section>

      <section aria-labelledby="s-text" className="doc-section">
        <h2 id="s-text">Den hørte tekst og kommentarerne</h2>
        <p>
          {commenters.length > 0
            ? 'Kommentér et afsnit, et enkelt stykke eller et mål. Rådets andre medlemmer ser kommentarerne og får besked om dem.'
            : 'Kommentarerne er rådsmedlemmernes; de indgår i arbejdet med høringssvaret.'}
        </p>
        {hearing.sections.map((s) => <SectionView key={s.path} hearing={hearing} section={s} commenters={commenters} onChanged={load} />)}
      </section>
    </Layout>
  );
}

function SectionView({ hearing, section: s, commenters, onChanged }: { hearing: Hearing; section: Hearing['sections'][number]; commenters: HearingBody[]; onChanged: () => Promise<void> }) {
  const [open, setOpen] = useState<number | 'section' | null>(null);
  const slug = s.path.replace(/\./g, '-');
  const of = (p: number | null) => hearing.comments.filter((c) => c.section === s.path && c.paragraph === p);
  const may = commenters.length > 0;
  /** Closes the form and gives the focus back to the button that opened it. */
  const close = (id: string) => {
    setOpen(null);
    setTimeout(() => document.getElementById(id)?.focus(), 0);
  };
  if (s.kind === 'target' || s.kind === 'figures') {
    // A target (or an audit's figures) is commented on as a whole.
    const what = s.kind === 'target' ? `målet ${s.title.replace(/^Mål: /, '')}` : s.title;
    return (
      <section aria-labelledby={`h-${slug}`} className={`hearing-section hearing-${s.kind}`}>
        <h3 id={`h-${slug}`} className={s.kind === 'target' ? 'h4' : undefined}>{s.title}</h3>
        {s.kind === 'target' && (
          <>
            {s.paragraphs.map((p, k) => <p key={k} className="doc-paragraph">{p}</p>)}
            <TargetStatusView view={s.target ?? undefined} measurable={s.target ? undefined : false} measure={s.measure} />
          </>
        )}
        {s.kind === 'figures' && (hearing.content ? <AuditTables g={hearing.content.generated} /> : <p className="doc-empty">Tallene vises på dokumentet.</p>)}
        <Comments comments={of(null)} hearingId={hearing.id} onChanged={onChanged} label={what} />
        {may && open !== 'section' && (
          <button type="button" id={`c-${slug}-afsnit`} className="button button-secondary" onClick={() => setOpen('section')}>{s.kind === 'target' ? 'Kommentér målet' : 'Kommentér tallene'}<span className="sr-only"> {s.kind === 'target' ? s.title.replace(/^Mål: /, '') : ''}</span></button>
        )}
        {may && open === 'section' && <CommentForm hearingId={hearing.id} section={s.path} paragraph={null} target={what} commenters={commenters} onClose={() => close(`c-${slug}-afsnit`)} onSaved={onChanged} />}
      </section>
    );
  }
  return (
    <section aria-labelledby={`h-${slug}`} className="hearing-section">
      <h3 id={`h-${slug}`}>{s.title}</h3>
      {s.paragraphs.length === 0 && s.path !== 'general' && <p className="doc-empty">Ikke udfyldt.</p>}
      {s.paragraphs.length > 0 && (
        <ol className="hearing-paragraphs">
          {s.paragraphs.map((p, k) => (
            <li key={k}>
              <p className="doc-paragraph">{p}</p>
              <Comments comments={of(k)} hearingId={hearing.id} onChanged={onChanged} label={`stk. ${k + 1} i ${s.title}`} />
              {may && open !== k && (
                <button type="button" id={`c-${slug}-${k}`} className="button button-tertiary" onClick={() => setOpen(k)}>Kommentér<span className="sr-only"> stk. {k + 1} i {s.title}</span></button>
              )}
              {may && open === k && <CommentForm hearingId={hearing.id} section={s.path} paragraph={k} target={`stk. ${k + 1} i ${s.title}`} commenters={commenters} onClose={() => close(`c-${slug}-${k}`)} onSaved={onChanged} />}
            </li>
          ))}
        </ol>
      )}
      <Comments comments={of(null)} hearingId={hearing.id} onChanged={onChanged} label={s.title} heading={s.paragraphs.length > 0 ? 'Kommentarer til hele afsnittet' : undefined} />
      {may && open !== 'section' && (
        <button type="button" id={`c-${slug}-afsnit`} className="button button-secondary" onClick={() => setOpen('section')}>Kommentér afsnittet<span className="sr-only"> {s.title}</span></button>
      )}
      {may && open === 'section' && <CommentForm hearingId={hearing.id} section={s.path} paragraph={null} target={s.title} commenters={commenters} onClose={() => close(`c-${slug}-afsnit`)} onSaved={onChanged} />}
    </section>
  );
}

function Comments({ comments, hearingId, onChanged, label, heading }: { comments: HearingComment[]; hearingId: number; onChanged: () => Promise<void>; label: string; heading?: string }) {
  const { busy, error, run } = useAction();
  if (comments.length === 0) return null;
  const withdraw = (c: HearingComment) =>
    run('Trækker kommentaren tilbage …', async () => {
      await send(`/api/hearings/${hearingId}/comments/${c.id}`, { method: 'DELETE' });
      await onChanged();
    });
  return (
    <div className="hearing-comments">
      {heading && <h4 className="h5">{heading}</h4>}
      {error && <Alert kind="error">{error.message}</Alert>}
      <ul className="nobullet-list" aria-label={`Kommentarer til ${label}`}>
        {comments.map((c) => (
          <li key={c.id} className="hearing-comment">
            <p className="mb-1 mt-0"><strong>{c.author}</strong>, {c.body_name} · <time dateTime={c.created_at}>{dateTime(c.created_at)}</time></p>
            <p className="doc-paragraph mt-0 mb-1">{c.text}</p>
            {c.mine && <button type="button" className="button button-tertiary" disabled={busy !== null} onClick={() => void withdraw(c)}>Træk kommentaren tilbage</button>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CommentForm({ hearingId, section, paragraph, target, commenters, onClose, onSaved }: { hearingId: number; section: string; paragraph: number | null; target: string; commenters: HearingBody[]; onClose: () => void; onSaved: () => Promise<void> }) {
  const [text, setText] = useState('');
  const [body, setBody] = useState(commenters[0]?.code ?? '');
  const { busy, error, run } = useAction();
  const fid = `comment-${section.replace(/\./g, '-')}-${paragraph ?? 'afsnit'}`;
  useEffect(() => {
    document.getElementById(fid)?.focus();
  }, [fid]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('Sender …', async () => {
      await send(`/api/hearings/${hearingId}/comments`, { method: 'POST', body: { section, paragraph, text, ...(commenters.length > 1 ? { body } : {}) } });
      await onSaved();
      onClose();
    });
  };
  return (
    <form noValidate onSubmit={submit} className="hearing-comment-form" aria-label={`Kommentar til ${target}`}>
      <ErrorSummary error={error} heading="Kommentaren blev ikke sendt" fieldId={() => fid} />
      {commenters.length > 1 && (
        <div className="form-group">
          <label className="form-label" htmlFor={`${fid}-body`}>Kommentér som</label>
          <select className="form-select" id={`${fid}-body`} value={body} onChange={(e) => setBody(e.target.value)}>
            {commenters.map((b) => <option key={b.code} value={b.code}>{b.name}</option>)}
          </select>
        </div>
      )}
      <TextArea id={fid} label={`Din kommentar til ${target}`} rows={3} value={text} onChange={setText} error={error?.field === 'text' ? error.message : undefined} />
      <button type="submit" className="button button-primary" disabled={busy !== null}>{busy !== null ? 'Sender …' : 'Send kommentar'}</button>{' '}
      <button type="button" className="button button-tertiary" onClick={onClose}>Annullér</button>
    </form>
  );
}

/** A jobcenter's answer on its LBR's grant plan. */
const verdictNames = { within_frame: 'Planen ligger inden for beskæftigelsesplanens rammer.', outside_frame: 'Planen ligger uden for beskæftigelsesplanens rammer.' } as const;
type Verdict = keyof typeof verdictNames;

const adoptLabel = (b: HearingBody) => (b.adopt_by === 'chair' ? 'Godkend som formand' : b.adopt_by === 'region' ? 'Afgiv regionens høringssvar' : b.adopt_by === 'jobcenter' ? 'Afgiv jobcentrets høringssvar' : 'Vedtag høringssvaret');

function BodyResponse({ hearing, body: b, onChanged }: { hearing: Hearing; body: HearingBody; onChanged: () => Promise<void> }) {
  return (
    <div className="doc-subsection hearing-body">
      <h3 className="h4">{b.name} <span className={responseClass(b.state)}>{b.state_name}</span>{b.late && <> <span className="badge badge-warning">Modtaget efter fristen</span></>}</h3>
      {b.may_draft ? (
        <ResponseEditor hearing={hearing} body={b} onChanged={onChanged} />
      ) : b.state === 'adopted' ? (
        <>
          <p className="form-hint">{b.kind === 'jobcenter' ? 'Afgivet' : 'Vedtaget'} {b.adopted_at ? day(b.adopted_at.slice(0, 10)) : ''} af {b.adopted_by}.{b.kind === 'jobcenter' ? '' : ' Svaret er føjet til dokumentets bemærkninger.'}</p>
          {b.verdict && <p><strong>{verdictNames[b.verdict]}</strong></p>}
          {b.response.trim().split(/\n\s*\n/).map((p, i) => <p key={i} className="doc-paragraph">{p}</p>)}
        </>
      ) : (
        <p className="doc-empty">{b.state === 'draft' ? 'Der er et udkast, men intet vedtaget svar endnu.' : 'Der er ikke afgivet et høringssvar endnu.'}</p>
      )}
      {b.state !== 'none' && <ResponseVersions hearingId={hearing.id} code={b.code} />}
    </div>
  );
}

function ResponseEditor({ hearing, body: b, onChanged }: { hearing: Hearing; body: HearingBody; onChanged: () => Promise<void> }) {
  const [text, setText] = useState(b.response);
  const [saved, setSaved] = useState(b.response);
  const [revision, setRevision] = useState(b.revision);
  // A jobcenter heard on its LBR's grant plan says whether it is within the employment plan's frame.
  const [verdict, setVerdict] = useState<Verdict | null>(b.verdict);
  const [savedVerdict, setSavedVerdict] = useState<Verdict | null>(b.verdict);
  const { busy, error, notice, setError, run } = useAction();
  const fid = `response-${b.code}`;
  const base = `/api/hearings/${hearing.id}/responses/${encodeURIComponent(b.code)}`;
  const dirty = text !== saved || verdict !== savedVerdict;

  const store = async (): Promise<number> => {
    const next = await api(base, storedResponse, { method: 'PUT', body: { revision, text, ...(b.kind === 'jobcenter' ? { verdict } : {}) } });
    setRevision(next.revision);
    setSaved(next.response);
    setSavedVerdict(next.verdict);
    return next.revision;
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run('Gemmer udkastet …', async () => {
      const rev = await store();
      await onChanged(); // the bodies' table shows the draft
      return `Udkastet er gemt (version ${rev}).`;
    });
  };
  const adopt = () =>
    run('Vedtager høringssvaret …', async () => {
      const rev = dirty ? await store() : revision;
      await send(`${base}/adopt`, { method: 'POST', body: { revision: rev } });
      await onChanged();
    });
  /** After a conflict: the newest text replaces what is in the field. */
  const reload = async () => {
    const h = (await api(`/api/documents/${hearing.document.id}/hearing`, hearingResponse)).hearing;
    const fresh = h?.bodies.find((x) => x.code === b.code);
    if (fresh) {
      setText(fresh.response);
      setSaved(fresh.response);
      setVerdict(fresh.verdict);
      setSavedVerdict(fresh.verdict);
      setRevision(fresh.revision);
    }
    setError(null);
  };
  return (
    <form noValidate onSubmit={save}>
      <ErrorSummary error={error} heading={error?.code === 'conflict' ? 'Høringssvaret er ændret af en anden' : 'Høringssvaret blev ikke gemt'} fieldId={(f) => (f === 'verdict' ? `${fid}-verdict` : fid)} onReload={() => void reload()} reloadHint="(erstatter teksten i feltet)" />
      {notice && <Alert kind="success">{notice}</Alert>}
      <Progress text={busy} />
      <TextArea id={fid} label={`Høringssvar fra ${b.name}`} hint={`Udkast, version ${revision}${b.updated_by ? `, senest gemt af ${b.updated_by}` : ''}. ${b.kind === 'jobcenter' ? 'Jobcentrets redaktører' : b.kind === 'employment_region' ? 'Regionens medarbejdere' : 'Medlemmerne og sekretariatet'} kan skrive i udkastet.`} rows={8} value={text} onChange={setText} />
      {b.kind === 'jobcenter' && (
        <RadioGroup id={`${fid}-verdict`} legend="Ligger handleplanen inden for beskæftigelsesplanens rammer?" hint="Er rådet og jobcentret uenige, kan midlerne ikke bruges, og planen kan ikke vedtages." value={verdict ?? ''}
          options={(Object.keys(verdictNames) as Verdict[]).map((v) => ({ value: v, label: v === 'within_frame' ? 'Ja, inden for rammerne' : 'Nej, uden for rammerne' }))} onChange={(v) => setVerdict(v as Verdict)} />
      )}
      <p className="form-hint" aria-live="polite">{dirty ? 'Du har ændringer, der ikke er gemt.' : 'Udkastet er gemt.'}</p>
      <div className="doc-transitions">
        <button type="submit" className="button button-secondary" disabled={busy !== null}>Gem udkast</button>
        {b.may_adopt && <button type="button" className="button button-primary" disabled={busy !== null || text.trim() === '' || (b.kind === 'jobcenter' && !verdict)} onClick={() => void adopt()}>{adoptLabel(b)}</button>}
      </div>
      {!b.may_adopt && b.kind === 'council' && (
        <p className="mt-4">
          Efter rådets forretningsorden vedtages høringssvaret på et rådsmøde: sekretariatet sætter det på dagsordenen, og beslutningen på mødet vedtager det. Se <Link to={`/raad/${encodeURIComponent(b.code)}#s-meetings`}>rådets møder</Link>.
        </p>
      )}
    </form>
  );
}

type ResponseVersion = z.output<typeof responseVersionsResponse>[number];
const responseEvents: Record<string, string> = { draft: 'Udkast gemt', amend: 'Ændret på mødet', adopt: 'Vedtaget' };

function ResponseVersions({ hearingId, code }: { hearingId: number; code: string }) {
  const [versions, setVersions] = useState<ResponseVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <details
      className="details mt-4"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open && !versions) api(`/api/hearings/${hearingId}/responses/${encodeURIComponent(code)}/versions`, responseVersionsResponse).then(setVersions, (err: Error) => setError(err.message));
      }}
    >
      <summary className="details-summary">Svarets versioner</summary>
      <div className="details-text">
        {error && <Alert kind="error">{error}</Alert>}
        {!versions && !error && <p>Henter versionerne …</p>}
        {versions && (
          <ol className="nobullet-list">
            {versions.map((v) => (
              <li key={v.revision} className="mb-4">
                <strong>Version {v.revision}: {responseEvents[v.event] ?? v.event}</strong> · {v.actor} · {dateTime(v.created_at)}
                <p className="doc-paragraph mt-0">{v.response}</p>
              </li>
            ))}
          </ol>
        )}
      </div>
    </details>
  );
}
