/** The DKFDS page frame: skip link, header with login state, navigation, main, footer. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { roleNames } from '../../src/access/shared';
import { notificationsResponse } from '../../src/notifications/shared';
import { api } from './api';
import { notificationsChanged } from './councils';
import { MenuDrawer, MenuRow, type MenuItem } from './Menu';
import { Link, navigate, useLocation } from './router';
import { useSession } from './session';

/** The first page of a visit keeps the browser's own focus (the skip link comes first). */
let firstPage = true;

export function Layout({ title, children }: { title: string; children: ReactNode }) {
  const session = useSession();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  // On every page change: the title, and, after navigating, focus to the page (for keyboard
  // and screen-reader users).
  useEffect(() => {
    document.title = `${title} · Styringshjulet`;
    if (firstPage) firstPage = false;
    else main.current?.focus();
  }, [title, pathname]);
  const home = session.user?.organisation.area && session.user.organisation.area !== 'DK' ? `/omraade/${session.user.organisation.area}` : '/omraade/DK';
  // The front page is the header's two links; notifications sit by the user's name.
  const nav: MenuItem[] = [
    { to: '/statistik', label: 'Statistikbanken' },
    { to: home, label: 'Jobcenterprofil' },
    { to: '/benchmark', label: 'Benchmarking' },
    { to: '/dokumenter', label: 'Styringsdokumenter' },
    { to: '/maal', label: 'Mål' },
    { to: '/raad', label: 'Råd og møder' },
    { to: '/aarshjul', label: 'Årshjul' },
    // The follow-up starts from the result problems (linked from its page), so one item for both keeps the menu one row.
    ...(session.permissions['followup.read'] ? [{ to: '/opfoelgning', label: 'Opfølgning' }] : session.permissions['result_problems.read'] ? [{ to: '/resultatproblemer', label: 'Resultatproblemer' }] : []),
  ];
  const admin: MenuItem[] = [
    ...(session.permissions['users.read'] ? [{ to: '/brugere', label: 'Brugere' }] : []),
    ...(session.permissions['audit.read'] ? [{ to: '/aendringslog', label: 'Ændringslog' }] : []),
  ];
  const unread = useUnread(session.user?.id ?? null, pathname);
  const count = unread > 0 ? <> <span className="nav-count">{unread}<span className="sr-only"> ulæste</span></span></> : null;
  const notifications: MenuItem | null = session.user ? { to: '/notifikationer', label: 'Notifikationer', extra: count } : null;
  const logout = () => void session.logout().then(() => navigate('/'));
  const login = `/login?next=${encodeURIComponent(pathname)}`;
  return (
    <>
      <header className="header">
        <a className="skipnav" href="#main-content">Gå til sidens indhold</a>
        <div className="portal-info">
          <div className="portal-info-inner container">
            <Link to="/" className="logo">
              <span>Styringshjulet</span>
            </Link>
            <MenuDrawer
              pathname={pathname}
              items={[{ to: '/', label: 'Forside' }, ...nav, ...admin, ...(notifications ? [notifications] : [])]}
              user={session.user ? (
                <>
                  <p className="user">
                    <span className="mb-3">{session.user.name}</span> <span>{roleNames[session.user.role as keyof typeof roleNames] ?? session.user.role}, {session.user.organisation.name}</span>
                  </p>
                  <p><button type="button" className="function-link d-print-none log-off" onClick={logout}>Log af</button></p>
                </>
              ) : (
                <p><Link to={login} className="function-link d-print-none log-on">Log ind</Link></p>
              )}
            />
            <div className="portal-user">
              {session.user ? (
                <>
                  <p className="user">
                    <span className="username weight-semibold">{session.user.name}</span>, {roleNames[session.user.role as keyof typeof roleNames] ?? session.user.role}, {session.user.organisation.name}
                  </p>
                  {notifications && (
                    <Link to={notifications.to} className="function-link d-print-none portal-notifications" aria-current={pathname === notifications.to ? 'page' : undefined}>
                      {notifications.label}{count}
                    </Link>
                  )}
                  <button type="button" className="function-link d-print-none log-off" onClick={logout}>
                    Log af
                  </button>
                </>
              ) : (
                <Link to={login} className="function-link d-print-none log-on">
                  Log ind
                </Link>
              )}
            </div>
          </div>
        </div>
        <div className="solution-info">
          <div className="solution-info-inner container">
            <div className="solution-heading">
              <Link to="/">Styring af beskæftigelsesindsatsen</Link>
            </div>
            <div className="additional-info">
              <p className="h5 authority-name mb-1">Statistik, mål og opfølgning for jobcentre, regioner og råd</p>
            </div>
          </div>
        </div>
        <MenuRow items={nav} admin={admin} pathname={pathname} />
      </header>
      <main id="main-content" ref={main} tabIndex={-1} className="container py-6">
        {children}
      </main>
      <footer>
        <div className="footer">
          <div className="container">
            <p>
              Styringshjulet er open source. Statistikken kan hentes maskinelt fra <a className="function-link" href="/v3/tables">API'et (/v3)</a>, der følger Jobindsats' API version 3. Se <Link to="/api-dokumentation" className="function-link">API-dokumentationen</Link>.
            </p>
          </div>
        </div>
      </footer>
    </>
  );
}

/** The user's unread notifications, read again on every page and when some are marked read. */
function useUnread(userId: number | null, pathname: string): number {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    if (userId === null) return setUnread(0);
    let live = true;
    const load = () => void api('/api/notifications', notificationsResponse).then((n) => live && setUnread(n.unread), () => undefined);
    load();
    window.addEventListener(notificationsChanged, load);
    return () => {
      live = false;
      window.removeEventListener(notificationsChanged, load);
    };
  }, [userId, pathname]);
  return unread;
}
