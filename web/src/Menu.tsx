/**
 * The main menu: on wide screens DKFDS's menu row (the administration pages in one dropdown,
 * so that the row fits at 1366 px for every role); below DKFDS's breakpoint its mobile
 * drawer, opened by the "Menu" button, with the focus kept inside until it is closed.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link } from './router';

export interface MenuItem {
  to: string;
  label: string;
  /** Shown after the label (e.g. the unread count). */
  extra?: ReactNode;
}

const isCurrent = (pathname: string, to: string) =>
  pathname === to || (to !== '/' && pathname.startsWith(`${to}/`)) || (to.startsWith('/omraade/') && pathname.startsWith('/omraade/'));

/** DKFDS's desktop menu row; `admin` items form the "Administration" dropdown. */
export function MenuRow({ items, admin, pathname }: { items: MenuItem[]; admin: MenuItem[]; pathname: string }) {
  return (
    <div className="navigation-menu d-print-none">
      <div className="navigation-menu-inner container">
        <nav className="nav" aria-label="Hovedmenu">
          <ul className="mainmenu">
            {items.map((n) => (
              <li key={n.to} className={isCurrent(pathname, n.to) ? 'active' : undefined}>
                <Link to={n.to} className="nav-link" aria-current={pathname === n.to ? 'page' : undefined}>
                  <span>{n.label}{n.extra}</span>
                </Link>
              </li>
            ))}
            {admin.length > 0 && <AdminMenu items={admin} pathname={pathname} />}
          </ul>
        </nav>
      </div>
    </div>
  );
}

function AdminMenu({ items, pathname }: { items: MenuItem[]; pathname: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLLIElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    // Closes on a click outside or Escape (then the focus goes back to the button).
    const click = (e: MouseEvent) => root.current && !root.current.contains(e.target as Node) && setOpen(false);
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('click', click);
    document.addEventListener('keydown', key);
    return () => {
      document.removeEventListener('click', click);
      document.removeEventListener('keydown', key);
    };
  }, [open]);
  return (
    <li ref={root} className={items.some((n) => isCurrent(pathname, n.to)) ? 'active' : undefined}>
      <div className="submenu">
        <button ref={button} type="button" className="button-overflow-menu" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          <span>Administration</span>
        </button>
        <div className={`overflow-menu-inner${open ? '' : ' collapsed'}`} id={id}>
          <ul className="overflow-list">
            {items.map((n) => (
              <li key={n.to} className={isCurrent(pathname, n.to) ? 'active current' : undefined}>
                <Link to={n.to} className="nav-link" aria-current={pathname === n.to ? 'page' : undefined}>
                  <span>{n.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </li>
  );
}

/** The "Menu" button and DKFDS's mobile drawer with every item and the login state. */
export function MenuDrawer({ items, pathname, user }: { items: MenuItem[]; pathname: string; user: ReactNode }) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLDivElement>(null);
  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) opener.current?.focus();
  };
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    document.body.classList.toggle('mobile-nav-active', open);
    if (!open) return;
    drawer.current?.querySelector<HTMLElement>('button, a[href]')?.focus();
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') return close();
      if (e.key !== 'Tab' || !drawer.current) return;
      // Tab and Shift+Tab go round inside the drawer.
      const all = [...drawer.current.querySelectorAll<HTMLElement>('button, a[href]')].filter((el) => el.offsetWidth > 0);
      const first = all[0], last = all.at(-1);
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    };
    document.addEventListener('keydown', key);
    return () => {
      document.removeEventListener('keydown', key);
      document.body.classList.remove('mobile-nav-active');
    };
  }, [open]);
  return (
    <>
      <button ref={opener} type="button" className="function-link button-menu-open ml-auto d-print-none" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>
        Menu
      </button>
      {open && (
        <>
          <div ref={drawer} className="mobile-drawer is-visible" role="dialog" aria-modal="true" aria-labelledby="menu-heading">
            <div className="menu-top">
              <h2 id="menu-heading" className="menu-heading">Menu</h2>
              <button type="button" className="function-link button-menu-close" aria-label="Luk menu" onClick={() => close()}>
                Luk
              </button>
            </div>
            <nav className="navigation-menu-mobile" aria-label="Hovedmenu">
              <ul className="mainmenu">
                {items.map((n) => (
                  <li key={n.to} className={isCurrent(pathname, n.to) ? 'active' : undefined}>
                    <Link to={n.to} className="nav-link" aria-current={pathname === n.to ? 'page' : undefined} onClick={() => close(false)}>
                      <span>{n.label}{n.extra}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="portal-info-mobile">{user}</div>
          </div>
          <div className="overlay is-visible" onClick={() => close()} />
        </>
      )}
    </>
  );
}
