/**
 * "Status på mål i beskæftigelsesplan 2025 til 2027": each target's value at the end of each
 * year the plan spans, from the bank (documents/view.ts `status`), against its target value;
 * the words and units are the HTML's (kinds/employment_plan.ts).
 */
import { statusTargetText, statusYearText, type DocumentView } from '../../../documents';

export function StatusReport({ view }: { view: DocumentView }) {
  const s = view.status;
  if (!s) return null;
  const measured = s.rows.filter((r) => r.target !== null);
  return (
    <section aria-labelledby="s-status" className="doc-section">
      <h2 id="s-status">{s.title}</h2>
      <p>
        Målenes tal ved udgangen af hvert af planens år ({s.from === s.to ? s.from : `${s.from}–${s.to}`}), fra statistikbankens udgivelse {view.release?.version ?? '–'}.
        Et år, der ikke er slut i tallene, er foreløbigt; et år uden tal er endnu ikke i udgivelsen eller er diskretioneret.
      </p>
      {!view.release ? (
        <p className="doc-empty">Der er ingen udgivelse af statistikbanken endnu, så der er ingen status at vise.</p>
      ) : measured.length === 0 ? (
        <p className="doc-empty">Planen har endnu ingen målbare mål, så der er ingen status at vise.</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <caption>{s.title}: {measured.length} målbare mål</caption>
            <thead>
              <tr>
                <th scope="col">Mål</th>
                <th scope="col" className="text-align-right">Målværdi</th>
                {s.rows[0]!.years.map((y) => <th key={y.year} scope="col" className="text-align-right">{y.year}</th>)}
              </tr>
            </thead>
            <tbody>
              {measured.map((r) => {
                const t = view.targets.find((x) => x.path === r.path);
                return (
                  <tr key={r.path}>
                    <th scope="row">{r.title}<div className="small">{r.section}{t?.indicator ? ` · ${t.indicator}` : ''}</div></th>
                    <td className="text-align-right">{statusTargetText(r)}</td>
                    {r.years.map((y) => (
                      <td key={y.year} className="text-align-right">
                        {statusYearText(r, y)}
                        {y.met !== null && <> <span className={`badge ${y.met ? 'badge-success' : 'badge-error'}`}>{y.met ? 'Nået' : 'Ikke nået'}</span></>}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
