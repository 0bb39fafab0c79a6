/** Ministermål (/ministermaal): the minister's goals by year, each with its indicators in the statistics bank. */
import { useEffect, useState } from 'react';
import { api } from '../api';
import { goalsResponse } from '../../../src/documents/shared';
import type { MinisterialGoal } from '../documents';
import { useTableInfo } from '../editor';
import { Alert } from '../forms';
import { Layout } from '../Layout';
import { Link } from '../router';
import { freqNames } from '../statbank';

export function MinisterGoals() {
  const [years, setYears] = useState<{ year: number; goals: MinisterialGoal[] }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api('/api/goals', goalsResponse).then(setYears, (e: Error) => setError(e.message));
  }, []);
  return (
    <Layout title="Ministermål">
      <h1>Ministermål</h1>
      <p className="font-lead">Beskæftigelsesministerens mål for beskæftigelsesindsatsen. Et år uden egne mål følger de senest udmeldte. Hver beskæftigelsesplan skal have en strategi og mål for hvert ministermål.</p>
      {error && <Alert kind="error">{error}</Alert>}
      {!years && !error && <p role="status">Henter ministermålene …</p>}
      {years && years.length === 0 && <p>Der er ikke udmeldt ministermål endnu.</p>}
      {years?.map((y) => (
        <section key={y.year} aria-labelledby={`year-${y.year}`} className="doc-section">
          <h2 id={`year-${y.year}`}>Ministermål {y.year}</h2>
          <ul className="goal-list nobullet-list">
            {y.goals.map((g) => (
              <li key={g.number}>
                <h3 className="h4">{g.number}. {g.title}</h3>
                {g.description && <p>{g.description}</p>}
                {g.indicators.length === 0 ? (
                  <p className="doc-empty">Statistikbanken har ingen indikator for dette mål.</p>
                ) : (
                  <div className="table--responsive-scroll">
                    <table className="table table--compact">
                      <caption className="sr-only">Indikatorer for ministermål {g.number} ({y.year})</caption>
                      <thead><tr><th scope="col">Indikator</th><th scope="col">Tabel</th><th scope="col">Mål i tabellen</th><th scope="col">Opdeling</th><th scope="col">Hyppighed</th></tr></thead>
                      <tbody>
                        {g.indicators.map((i) => <IndicatorRow key={`${i.table}-${i.measure}-${JSON.stringify(i.dims)}`} indicator={i} />)}
                      </tbody>
                    </table>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

/** A goal's indicator by the bank's names: the table, its measure and the breakdown's values. */
function IndicatorRow({ indicator: i }: { indicator: MinisterialGoal['indicators'][number] }) {
  const info = useTableInfo(i.table);
  const dim = (d: string) => info?.dimensions.find((x) => x.dimension_id === d);
  const value = (d: string, v: string) => dim(d)?.hierarchies.flatMap((h) => h.levels.flatMap((l) => l.values)).find((x) => x.value_id === v)?.value_name;
  return (
    <tr>
      <td>{i.label}</td>
      <td><Link to={`/statistik/${i.table}`}>{info?.table_name ?? 'Tabellen'}</Link></td>
      <td>{info?.mgroups.find((m) => m.mgroup_id === i.measure)?.mgroup_name ?? ''}</td>
      <td>{Object.entries(i.dims).map(([d, v]) => `${dim(d)?.dimension_name ?? 'Opdeling'}: ${value(d, v) ?? 'anden værdi'}`).join(', ') || 'I alt'}</td>
      <td>{freqNames[i.freq] ?? i.freq}</td>
    </tr>
  );
}
