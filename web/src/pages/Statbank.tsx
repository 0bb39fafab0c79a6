/** Statistikbanken: the tables by subject. */
import { useEffect, useState } from 'react';
import { api } from '../api';
import { Alert } from '../forms';
import { Layout } from '../Layout';
import { Link } from '../router';
import { tablesResponse } from '../../../src/statbank/shared';
import type { Subject } from '../statbank';

export function Statbank() {
  const [subjects, setSubjects] = useState<Subject[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api('/v3/tables', tablesResponse).then(setSubjects, (e: Error) => setError(e.message));
  }, []);
  return (
    <Layout title="Statistikbanken">
      <h1>Statistikbanken</h1>
      <p className="font-lead">Vælg en tabel. Du kan vælge mål, områder, ydelser, opdelinger og perioder, se tallene som tabel og graf og hente dem.</p>
      {error && <Alert kind="error">{error}</Alert>}
      {subjects?.length === 0 && <p>Der er endnu ingen udgivelser.</p>}
      {subjects?.map((s) => (
        <section key={s.subject_id} aria-labelledby={`s-${s.subject_id}`}>
          <h2 id={`s-${s.subject_id}`}>{s.subject_name}</h2>
          <ul className="nobullet-list">
            {s.table_groups.flatMap((g) => g.tables).map((t) => (
              <li key={t.table_id}>
                <Link to={`/statistik/${t.table_id}`}>{t.table_name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
