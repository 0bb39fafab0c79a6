/** The start page: the newest release, the tables of the statistics bank, and the demo's progress on a first start. */
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { demoResponse, releasesResponse } from '../../../src/server/shared';
import { tablesResponse } from '../../../src/statbank/shared';
import type { Subject } from '../statbank';
import { api } from '../api';
import { Alert } from '../forms';
import { date } from '../format';
import { Layout } from '../Layout';

type Demo = z.output<typeof demoResponse>;
type Release = z.output<typeof releasesResponse>[number];

export function Home() {
  const [demo, setDemo] = useState<Demo | null>(null);
  const [releases, setReleases] = useState<Release[] | null>(null);
  const [subjects, setSubjects] = useState<Subject[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stop = false;
    const load = async () => {
      try {
        const d = await api('/api/demo', demoResponse);
        if (stop) return;
        setDemo(d);
        if (d.status === 'running') {
          setTimeout(() => void load(), 1000);
          return;
        }
        const [r, s] = await Promise.all([api('/api/releases', releasesResponse), api('/v3/tables', tablesResponse)]);
        if (!stop) {
          setReleases(r);
          setSubjects(s);
        }
      } catch (e) {
        if (!stop) setError(e instanceof Error ? e.message : String(e));
      }
    };
    void load();
    return () => {
      stop = true;
    };
  }, []);

  const latest = releases?.[0];
  return (
    <Layout title="Forside">
      <h1>Styringshjulet</h1>
      <p className="font-lead">
        Statistik om beskæftigelsesindsatsen: hvem der modtager hvilken ydelse, hvor længe, og strømmene til og fra, for hele landet, regioner, jobcentre og kommuner.
      </p>
      {error && <Alert kind="error">{error}</Alert>}
      {demo?.note && <Alert kind="info" heading="Demodata">{demo.note} Tallene er dannet til at afprøve platformen og siger intet om de rigtige jobcentre.</Alert>}
      {demo?.status === 'running' && (
        <section aria-labelledby="demo-heading" aria-live="polite">
          <h2 id="demo-heading">Demodata dannes</h2>
          <p>Et syntetisk Danmark genereres og beregnes ved første start. Det tager et par minutter.</p>
          {demo.stages.map((s) => (
            <div key={s.stage} className="form-group">
              <label className="form-label" htmlFor={`stage-${s.stage}`}>{s.detail ? `${s.stage}: ${s.detail}` : s.stage}</label>
              <progress id={`stage-${s.stage}`} max={s.total} value={s.done}>
                {Math.round((100 * s.done) / Math.max(1, s.total))} %
              </progress>
            </div>
          ))}
        </section>
      )}
      {demo?.status === 'failed' && <Alert kind="error">Demodata kunne ikke dannes: {demo.error}</Alert>}
      {latest && (
        <p>
          Nyeste udgivelse: <strong>version {latest.version}</strong>, data til og med ugen, der begynder {formatDate(latest.cutoff_week)}, udgivet {formatDate(latest.created_at)}.
        </p>
      )}
      {releases && releases.length === 0 && <p>Der er endnu ingen udgivelser.</p>}
      {subjects?.map((s) => (
        <section key={s.subject_id} aria-labelledby={`subject-${s.subject_id}`}>
          <h2 id={`subject-${s.subject_id}`}>{s.subject_name}</h2>
          <ul>
            {s.table_groups.flatMap((g) => g.tables).map((t) => (
              <li key={t.table_id}>
                {t.table_name} (<a href={`/v3/table/${t.table_id}`}>beskrivelse</a>, <a href={`/v3/data/${t.table_id}?period.M=latest:12&hierarchy._nykom=/&format=csv`}>hele landet, 12 måneder som CSV</a>)
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

const formatDate = (iso: string | null | undefined) => (iso ? date(iso) : 'ukendt');
