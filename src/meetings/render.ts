/** A meeting's agenda, or its minutes with the decisions ("dagsorden med vedtagelser"), as a page for the browser and the PDF. */
import { esc, paragraphs, renderPage, type Section } from '../documents/index.js';
import type { Meeting } from './meetings.js';

export function renderMeetingHtml(m: Meeting, councilName: string, what: 'agenda' | 'minutes'): string {
  const when = m.starts_at.toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'full', timeStyle: 'short' });
  const heading = what === 'agenda' ? 'Dagsorden' : 'Referat – dagsorden med vedtagelser';
  const sections: Section[] = m.items.map((item, i) => ({
    id: `punkt-${i + 1}`,
    title: `${i + 1}. ${item.title}${item.closed ? ' (lukket punkt)' : ''}`,
    html:
      paragraphs(item.text, 'Ingen sagsfremstilling.') +
      (item.attachments.length ? `<h3>Bilag</h3><ul>${item.attachments.map((a) => `<li>${esc(a.kind === 'document' ? `${a.title} (version ${a.revision})` : a.name)}</li>`).join('')}</ul>` : '') +
      (what === 'minutes' ? `<h3>Beslutning</h3>${paragraphs(item.decision, 'Ingen beslutning registreret.')}` : '') +
      (what === 'minutes' && item.hearing?.response && item.decision.trim() ? `<h3>Det vedtagne høringssvar</h3>${paragraphs(item.hearing.response, '')}` : ''),
  }));
  if (what === 'minutes') sections.push({ id: 'referat', title: 'Referat', html: paragraphs(m.minutes, 'Intet yderligere referat.') });
  return renderPage(`${heading}: ${councilName}, ${when}`, `<p class="meta">${esc(councilName)}</p><h1>${esc(heading)}</h1><p><strong>${esc(m.title)}</strong><br>${esc(when)} · ${esc(m.place)}</p>`, sections);
}
