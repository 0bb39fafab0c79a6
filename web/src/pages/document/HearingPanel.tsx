import { useEffect, useState } from 'react';
import { hearingResponse } from '../../../../src/hearings/shared';
import { api } from '../../api';
import { day, responseClass, type Hearing } from '../../councils';
import { Link } from '../../router';

/** The document's hearing at a glance: the deadline, each body's response, a link to the hearing page. */
export function HearingPanel({ docId }: { docId: number }) {
  const [hearing, setHearing] = useState<Hearing | null>(null);
  useEffect(() => {
    // Not everyone takes part in hearings (the public, some roles): then there is no panel.
    api(`/api/documents/${docId}/hearing`, hearingResponse).then((r) => setHearing(r.hearing), () => setHearing(null));
  }, [docId]);
  if (!hearing) return null;
  return (
    <section aria-labelledby="hearing-heading" className="doc-hearing mb-6">
      <h2 id="hearing-heading" className="h3">Høring</h2>
      <p>
        Version {hearing.revision} {hearing.closed_at ? `var i høring med frist ${day(hearing.deadline)}; høringen er afsluttet.` : hearing.ended ? `var i høring med frist ${day(hearing.deadline)}; fristen er udløbet.` : `er i høring til og med ${day(hearing.deadline)}.`}
        {hearing.require_all && ' Alle høringssvar kræves før godkendelsen.'}
        {!hearing.closed_at && hearing.bodies.every((b) => b.state === 'adopted') && ' Alle høringsparter har vedtaget deres svar, så dokumentet kan godkendes nu.'}
      </p>
      <ul className="nobullet-list">
        {hearing.bodies.map((b) => (
          <li key={b.code}>
            {b.name}: <span className={responseClass(b.state)}>{b.state_name}</span>
            {b.late && <> <span className="badge badge-warning">Modtaget efter fristen</span></>}
          </li>
        ))}
      </ul>
      <p><Link to={`/dokumenter/${docId}/hoering`} className="button button-secondary">Gå til høringen</Link></p>
    </section>
  );
}
