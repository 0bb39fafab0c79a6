/** The comments (bemærkninger) of the LBR and the region: written here, or given as hearing responses while a hearing runs. */
import { useState } from 'react';
import { api } from '../../api';
import { documentSummarySchema } from '../../../../src/documents/shared';
import type { DocumentView } from '../../documents';
import { Alert, TextArea, useAction } from '../../forms';
import { Link } from '../../router';
import { Section } from '../AuditTables';

export function CommentsSection({ view, role, onSaved }: { view: DocumentView; role: string | null; onSaved: (revision: number) => Promise<void> }) {
  const comments = (view.document.content as { comments?: { lbr: string; region: string } }).comments ?? { lbr: '', region: '' };
  const mine: ('lbr' | 'region')[] = !view.may_comment ? [] : role === 'council_member' ? ['lbr'] : role === 'regional_monitor' ? ['region'] : ['lbr', 'region'];
  const names = { lbr: 'Det lokale beskæftigelsesråds (LBR’s) bemærkninger', region: 'Regionens bemærkninger (beskæftigelsesregionen eller det regionale råd)' };
  return (
    <Section id="s-comments" title="Bemærkninger">
      {view.hearing_runs && (
        <p>
          Dokumentet er i høring. Høringsparterne giver deres bemærkninger som høringssvar på <Link to={`/dokumenter/${view.document.id}/hoering`}>høringssiden</Link>; hvert vedtaget svar føjes til her.
        </p>
      )}
      {(['lbr', 'region'] as const).map((who) =>
        mine.includes(who) ? (
          <CommentForm key={`${who}-${view.document.revision}`} who={who} label={names[who]} initial={comments[who]} docId={view.document.id} revision={view.document.revision} onSaved={onSaved} />
        ) : (
          <div key={who} className="doc-text">
            <h3 className="h4">{names[who]}</h3>
            {comments[who].trim() === '' ? <p className="doc-empty">{view.hearing_runs ? 'Intet vedtaget høringssvar endnu.' : 'Ingen bemærkninger.'}</p> : comments[who].trim().split(/\n\s*\n/).map((p, i) => <p key={i} className="doc-paragraph">{p}</p>)}
          </div>
        ),
      )}
    </Section>
  );
}

function CommentForm({ who, label, initial, docId, revision, onSaved }: { who: 'lbr' | 'region'; label: string; initial: string; docId: number; revision: number; onSaved: (revision: number) => Promise<void> }) {
  const [text, setText] = useState(initial);
  const { busy, error, run } = useAction();
  return (
    <form
      noValidate
      className="mb-6"
      onSubmit={(e) => {
        e.preventDefault();
        void run('Gemmer …', async () => {
          const s = await api(`/api/documents/${docId}/comments`, documentSummarySchema, { method: 'PUT', body: { revision, who, text } });
          await onSaved(s.revision);
        });
      }}
    >
      {error && <Alert kind="error" heading="Bemærkningerne blev ikke gemt">{error.message}</Alert>}
      <TextArea id={`comment-${who}`} label={label} value={text} onChange={setText} />
      <button type="submit" className="button button-secondary" disabled={busy !== null}>{busy !== null ? 'Gemmer …' : 'Gem bemærkninger'}</button>
    </form>
  );
}
