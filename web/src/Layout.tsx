/** The DKFDS page frame: skip link, header with login state, navigation, main, footer. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { roleNames } from '../../src/access/policy';
import { api } from './api';
import { notificationsChanged } from './councils';
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
  const nav = [
    { to: '/', label: 'Forside' },
    { to: '/statistik', label: 'Statistikbanken' },
    { to: session.user?.organisation.area && session.user.organisation.area !== 'DK' ? `/omraade/${session.user.organisation.area}` : '/omraade/DK', label: 'Jobcenterprofil' },
    { to: '/benchmark', label: 'Benchmarking' },
    { to: '/dokumenter', label: 'Styringsdokumenter' },
    { to: '/maal', label: 'Mål' },
    { to: '/raad', label: 'Råd og møder' },
    { to: '/aarshjul', label: 'Årshjul' },
    ...(session.permissions['result_problems.read'] ? [{ to: '/resultatproblemer', label: 'Resultatproblemer' }] : []),
    ...(session.permissions['users.read'] ? [{ to: '/brugere', label: 'Brugere' }] : []),
    ...(session.permissions['audit.read'] ? [{ to: '/aendringslog', label: 'Ændringslog' }] : []),
  ];
  const unread = useUnread(session.user?.id ?? null, pathname);
  if (session.user) nav.push({ to: '/notifikationer', label: 'Notifikationer' });
  return (
    <>
      <header className="header">
        <a className="skipnav" href="#main-content">Gå til sidens indhold</a>
        <div className="portal-info">
          <div className="portal-info-inner container">
            <Link to="/" className="logo">
              <span>Styringshjulet</span>
            </Link>
            <div className="portal-user">
              {session.user ? (
                <>
                  <p className="user">
                    <span className="username weight-semibold">{session.user.name}</span>, {roleNames[session.user.role as keyof typeof roleNames] ?? session.user.role}, {session.user.organisation.name}
                  </p>
                  <button type="button" className="function-link d-print-none log-off" onClick={() => void session.logout().then(() => navigate('/'))}>
                    Log af
                  </button>
                </>
              ) : (
                <Link to={`/login?next=${encodeURIComponent(pathname)}`} className="function-link d-print-none log-on">
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
        <div className="navigation-menu d-print-none">
          <div className="navigation-menu-inner container">
            <nav className="nav" aria-label="Hovedmenu">
              <ul className="mainmenu">
                {nav.map((n) => (
                  <li key={n.to} className={pathname === n.to || (n.to !== '/' && pathname.startsWith(`${n.to}/`)) || (n.to.startsWith('/omraade/') && pathname.startsWith('/omraade/')) ? 'active' : undefined}>
                    <Link to={n.to} className="nav-link" aria-current={pathname === n.to ? 'page' : undefined}>
                      <span>
                        {n.label}
                        {n.to === '/notifikationer' && unread > 0 && <> <span className="nav-count">{unread}<span className="sr-only"> ulæste</span></span></>}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      </header>
      <main id="main-content" ref={main} tabIndex={-1} className="container py-6">
        {children}
      </main>
      <footer>
        <div className="footer">
          <div className="container">
            <p>
              Styringshjulet er open source. Statistikken kan hentes maskinelt fra <a className="function-link" href="/v3/tables">API'et (/v3)</a>, der følger Jobindsats' API version 3.
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
    const load = () => void api<{ unread: number }>('/api/notifications').then((n) => live && setUnread(n.unread), () => undefined);
    load();
    window.addEventListener(notificationsChanged, load);
    return () => {
      live = false;
      window.removeEventListener(notificationsChanged, load);
    };
  }, [userId, pathname]);
  return unread;
}
