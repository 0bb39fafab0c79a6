/**
 * Notifikationer (/notifikationer): the user's notifications (unread first in weight, each with
 * its link and time), marking them read, the choice of mail (at once, daily, weekly, none) and
 * the personal calendar feed's secret address.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { feedTokenResponse } from '../../../src/calendar/shared';
import { notificationsResponse, readResponse } from '../../../src/notifications/shared';
import { api, send } from '../api';
import { notificationsChanged, type Notifications as NotificationList } from '../councils';
import { dateTime } from '../format';
import { Alert, ErrorSummary, Progress, RadioGroup, toError, useAction } from '../forms';
import { Layout } from '../Layout';
import { Link, navigate } from '../router';
import { useSession } from '../session';

export function Notifications() {
  const session = useSession();
  const [data, setData] = useState<NotificationList | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, notice, setNotice, run } = useAction();

  const load = useCallback(async () => {
    try {
      setData(await api('/api/notifications', notificationsResponse));
      setLoadError(null);
    } catch (e) {
      setLoadError(toError(e).message);
    }
  }, []);
  useEffect(() => {
    if (!session.loaded) return;
    if (!session.user) navigate('/login?next=%2Fnotifikationer', { replace: true });
    else void load();
  }, [session.loaded, session.user, load]);

  const readAll = () =>
    run('Markerer som læst …', async () => {
      const r = await api('/api/notifications/read', readResponse, { method: 'POST', body: {} });
      await load();
      window.dispatchEvent(new Event(notificationsChanged));
      return r.read === 1 ? '1 notifikation er markeret som læst.' : `${r.read} notifikationer er markeret som læst.`;
    });
  const open = async (id: number, link: string) => {
    await send('/api/notifications/read', { method: 'POST', body: { ids: [id] } }).catch(() => undefined);
    window.dispatchEvent(new Event(notificationsChanged));
    navigate(link);
  };

  return (
    <Layout title="Notifikationer">
      <h1>Notifikationer</h1>
      {loadError && <Alert kind="error">{loadError}</Alert>}
      {!data && !loadError && <p role="status">Henter dine notifikationer …</p>}
      <ErrorSummary error={error} />
      {notice && <Alert kind="success">{notice}</Alert>}
      <Progress text={busy} />
      {data && (
        <>
          <section aria-labelledby="s-list">
            <h2 id="s-list" className="h3">{data.unread === 0 ? 'Ingen ulæste' : data.unread === 1 ? '1 ulæst' : `${data.unread} ulæste`} af {data.items.length}</h2>
            {data.unread > 0 && <p><button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void readAll()}>Markér alle som læst</button></p>}
            {data.items.length === 0 ? (
              <p className="doc-empty">Du har ingen notifikationer.</p>
            ) : (
              <ul className="nobullet-list notification-list">
                {data.items.map((n) => (
                  <li key={n.id} className={n.read_at ? 'notification' : 'notification notification-unread'}>
                    <p className="mt-0 mb-1">
                      {!n.read_at && <><span className="badge badge-info">Ulæst</span>{' '}</>}
                      <Link to={n.link} onClick={(e) => { e.preventDefault(); void open(n.id, n.link); }}>{n.read_at ? n.title : <strong>{n.title}</strong>}</Link>
                    </p>
                    <p className="mt-0 mb-1">{n.body}</p>
                    <p className="mt-0 mb-0 form-hint"><time dateTime={n.created_at}>{dateTime(n.created_at)}</time></p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <MailChoice key={data.mode} data={data} onSaved={async (label) => {
            await load();
            setNotice(`Dit valg er gemt: ${label}.`);
          }} />
          <PersonalFeed />
        </>
      )}
    </Layout>
  );
}

function MailChoice({ data, onSaved }: { data: NotificationList; onSaved: (label: string) => Promise<void> }) {
  const [mode, setMode] = useState(data.mode);
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('Gemmer …', async () => {
      await send('/api/notifications/mode', { method: 'PUT', body: { mode } });
      await onSaved(data.modes.find((m) => m.id === mode)?.label ?? mode);
    });
  };
  return (
    <section aria-labelledby="s-mail" className="doc-section">
      <h2 id="s-mail" className="h3">Mails</h2>
      <form noValidate onSubmit={submit}>
        <ErrorSummary error={error} fieldId={() => 'mode'} />
        <RadioGroup id="mode" legend="Hvornår vil du have mail om dine notifikationer?" hint="Notifikationerne står altid her på siden." value={mode} options={data.modes.map((m) => ({ value: m.id, label: m.label }))} onChange={setMode} />
        <button type="submit" className="button button-primary" disabled={busy !== null || mode === data.mode}>{busy !== null ? 'Gemmer …' : 'Gem valget'}</button>
      </form>
    </section>
  );
}

function PersonalFeed() {
  const [url, setUrl] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const [copied, setCopied] = useState(false);
  const create = () => {
    setCopied(false);
    return run('Laver adressen …', async () => {
      setUrl((await api('/api/calendar/feed-token', feedTokenResponse, { method: 'POST' })).url);
      setTimeout(() => document.getElementById('feed-url')?.focus(), 0);
    });
  };
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      const el = document.getElementById('feed-url') as HTMLInputElement | null;
      el?.focus();
      el?.select();
    }
  };
  return (
    <section aria-labelledby="s-feed" className="doc-section">
      <h2 id="s-feed" className="h3">Personlig kalender</h2>
      <p>Dine råds møder og milepæle, høringsfristerne og årshjulets frister for din organisation i din egen kalender-app. Adressen er hemmelig: den, der kender den, kan se kalenderen. Laver du en ny, holder den gamle op med at virke.</p>
      <ErrorSummary error={error} />
      <p><button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void create()}>{busy !== null ? 'Laver adressen …' : url ? 'Lav en ny adresse' : 'Personlig kalender (.ics)'}</button></p>
      {url && (
        <>
          <div className="form-group">
            <label className="form-label" htmlFor="feed-url">Din personlige kalenderadresse</label>
            <span className="form-hint" id="feed-url-hint">Kopiér adressen, og indsæt den i din kalender-app under “Abonnér på kalender”.</span>
            <input className="form-input feed-url" id="feed-url" readOnly aria-describedby="feed-url-hint" value={url} onFocus={(e) => e.target.select()} />
          </div>
          <p>
            <button type="button" className="button button-tertiary" onClick={() => void copy()}>Kopiér adressen</button>
            <span role="status" className="ml-4">{copied ? 'Adressen er kopieret.' : ''}</span>
          </p>
        </>
      )}
    </section>
  );
}
