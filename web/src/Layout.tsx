/** The DKFDS page frame: skip link, header with login state, navigation, main, footer. */
import { useEffect, useRef, type ReactNode } from 'react';
import { roleNames } from '../../src/access/policy';
import { Link, navigate, useLocation } from './router';
import { useSession } from './session';

export function Layout({ title, children }: { title: string; children: ReactNode }) {
  const session = useSession();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  // On every page change: the title, and focus to the page (for keyboard and screen-reader users).
  useEffect(() => {
    document.title = `${title} · Styringshjulet`;
    main.current?.focus();
  }, [title, pathname]);
  const nav = [
    { to: '/', label: 'Forside' },
    ...(session.permissions['users.read'] ? [{ to: '/brugere', label: 'Brugere' }] : []),
  ];
  return (
    <>
      <a className="skipnav" href="#main-content">Gå til sidens indhold</a>
      <header className="header">
        <div className="portal-header">
          <div className="container portal-header-inner">
            <Link to="/" className="logo" aria-label="Styringshjulet, til forsiden">
              <span className="logo-text">Styringshjulet</span>
            </Link>
            <div className="portal-info">
              {session.user ? (
                <>
                  <p className="user">
                    <strong>{session.user.name}</strong>
                    <br />
                    {roleNames[session.user.role as keyof typeof roleNames] ?? session.user.role}, {session.user.organisation.name}
                  </p>
                  <button type="button" className="button button-secondary" onClick={() => void session.logout().then(() => navigate('/'))}>
                    Log af
                  </button>
                </>
              ) : (
                <Link to={`/login?next=${encodeURIComponent(pathname)}`} className="button button-secondary">
                  Log ind
                </Link>
              )}
            </div>
          </div>
        </div>
        <nav className="navigation-menu" aria-label="Hovedmenu">
          <div className="navigation-menu-inner container">
            <ul className="mainmenu">
              {nav.map((n) => (
                <li key={n.to} className={pathname === n.to ? 'current' : undefined}>
                  <Link to={n.to} className="mainmenu-item" aria-current={pathname === n.to ? 'page' : undefined}>
                    <span>{n.label}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      </header>
      <main id="main-content" ref={main} tabIndex={-1} className="container py-6">
        {children}
      </main>
      <footer className="footer">
        <div className="container">
          <p>
            Styringshjulet er open source. Statistikken kan hentes maskinelt fra <a href="/v3/tables">API'et (/v3)</a>, der følger Jobindsats' API version 3.
          </p>
        </div>
      </footer>
    </>
  );
}
