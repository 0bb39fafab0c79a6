/**
 * The region's published follow-up on a jobcenter, as material for its LBR and on its page:
 * the quarterly follow-up reports and the signed written agreements (both public).
 */
import { useEffect, useState } from 'react';
import { documentListResponse } from '../../../src/documents/shared';
import { api } from '../api';
import { kindNames } from '../documents';
import { date } from '../format';
import { Link } from '../router';
import type { z } from 'zod';

export function FollowupMaterial({ jobcenter, sub = false }: { jobcenter: string; /** Under another section's heading (h3), not a section of its own (h2). */ sub?: boolean }) {
  const [docs, setDocs] = useState<z.output<typeof documentListResponse> | null>(null);
  useEffect(() => {
    Promise.all(['followup_report', 'written_agreement'].map((k) => api(`/api/documents?kind=${k}&area=${encodeURIComponent(jobcenter)}`, documentListResponse)))
      .then((lists) => setDocs(lists.flat().filter((d) => d.state === 'published').sort((a, b) => `${b.published_at}`.localeCompare(`${a.published_at}`))), () => setDocs([]));
  }, [jobcenter]);
  return (
    <section aria-labelledby="s-followup" className={sub ? undefined : 'doc-section'}>
      {sub ? <h3 id="s-followup" className="h4">Regionens opfølgning</h3> : <h2 id="s-followup">Regionens opfølgning</h2>}
      {!docs && <p role="status">Henter regionens opfølgning …</p>}
      {docs && docs.length === 0 && <p className="doc-empty">Beskæftigelsesregionen har ikke offentliggjort opfølgning på jobcentret endnu.</p>}
      {docs && docs.length > 0 && (
        <ul className="nobullet-list">
          {docs.map((d) => <li key={d.id}><Link to={`/dokumenter/${d.id}`}>{kindNames[d.kind]} {d.period_name}</Link> <span className="form-hint">offentliggjort {date(d.published_at)}</span></li>)}
        </ul>
      )}
    </section>
  );
}
