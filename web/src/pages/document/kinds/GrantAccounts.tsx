/**
 * An adopted grant plan's accounts: per initiative its budget, what is committed and spent,
 * the due date of its evaluation and accounts (overdue ones marked), the evaluation with the
 * results the bank measured, and the accounts; the secretariat keeps them here. Downloads as
 * XLSX and PDF.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { accountResponse, accountsResponse } from '../../../../../src/grants/shared';
import { api } from '../../../api';
import { day } from '../../../councils';
import { kroner, statusClass, statusLabels, type TargetStatus } from '../../../documents';
import { Alert, Checkbox, ErrorSummary, Field, NumberField, TextArea, useAction } from '../../../forms';
import { Section } from '../../AuditTables';

type Account = z.output<typeof accountResponse>;
const dk = (d: string | null) => (d ? day(d) : '–');

export function GrantAccounts({ docId }: { docId: number }) {
  const [data, setData] = useState<z.output<typeof accountsResponse> | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const load = useCallback(async () => setData(await api(`/api/grants/plans/${docId}/accounts`, accountsResponse)), [docId]);
  useEffect(() => void load().catch(() => setData(null)), [load]);
  if (!data) return null;
  const sum = (k: 'budget' | 'committed' | 'spent') => data.initiatives.reduce((s, a) => s + a[k], 0);
  return (
    <Section id="s-accounts" title="Forbrug, evaluering og regnskab">
      <p>Hvert initiativ afsluttes med en evaluering og et regnskab for tilskuddets anvendelse. <a href={`/api/grants/plans/${docId}/accounts.xlsx`}>Hent regnskabet som Excel</a> · <a href={`/api/grants/plans/${docId}/accounts.pdf`}>Hent regnskabet som PDF</a></p>
      <div className="table--responsive-scroll">
        <table className="table table--compact">
          <caption className="sr-only">Initiativernes budget, bevilget og forbrug</caption>
          <thead>
            <tr><th scope="col">Initiativ</th><th scope="col" className="text-align-right">Budget</th><th scope="col" className="text-align-right">Bevilget</th><th scope="col" className="text-align-right">Forbrug</th><th scope="col">Frist</th><th scope="col">Evaluering</th><th scope="col">Regnskab</th></tr>
          </thead>
          <tbody>
            {data.initiatives.map((a) => (
              <tr key={a.initiative}>
                <th scope="row">{a.title}{a.overdue && <> <span className="badge badge-error">Forfalden</span></>}</th>
                <td className="text-align-right">{kroner(a.budget)}</td>
                <td className="text-align-right">{kroner(a.committed)}</td>
                <td className="text-align-right">{kroner(a.spent)}</td>
                <td>{dk(a.due)}</td>
                <td>{a.evaluated_on ? `Afgivet ${dk(a.evaluated_on)}` : 'Mangler'}</td>
                <td>{a.accounts_on ? `Afgivet ${dk(a.accounts_on)}` : 'Mangler'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr><th scope="row">I alt</th><td className="text-align-right">{kroner(sum('budget'))}</td><td className="text-align-right">{kroner(sum('committed'))}</td><td className="text-align-right">{kroner(sum('spent'))}</td><td colSpan={3}></td></tr>
          </tfoot>
        </table>
      </div>
      {data.initiatives.map((a) => (
        <div key={a.initiative} className="doc-subsection">
          <h3 className="h4">{a.title}</h3>
          {a.evaluated_on ? (
            <>
              <p>{a.evaluation}</p>
              {a.results.length > 0 && (
                <ul>
                  {a.results.map((r, i) => <li key={i}><span className={statusClass(r.status as TargetStatus)}>{statusLabels[r.status as TargetStatus] ?? r.status}</span> {r.description}. {r.reason}</li>)}
                </ul>
              )}
            </>
          ) : <p className="doc-empty">Evalueringen er ikke afgivet{a.due ? ` (frist ${dk(a.due)})` : ''}.</p>}
          {a.accounts_on && <p><strong>Regnskab:</strong> {a.accounts}</p>}
          {data.may_edit && (open === a.initiative
            ? <AccountForm docId={docId} account={a} onDone={async () => { setOpen(null); await load(); }} />
            : <button type="button" className="button button-secondary" onClick={() => setOpen(a.initiative)}>Før regnskab<span className="sr-only"> for {a.title}</span></button>)}
        </div>
      ))}
    </Section>
  );
}

function AccountForm({ docId, account: a, onDone }: { docId: number; account: Account; onDone: () => Promise<void> }) {
  const [committed, setCommitted] = useState<number | null>(a.committed);
  const [spent, setSpent] = useState<number | null>(a.spent);
  const [due, setDue] = useState(a.due ?? '');
  const [evaluation, setEvaluation] = useState(a.evaluation);
  const [evaluated, setEvaluated] = useState(false);
  const [accounts, setAccounts] = useState(a.accounts);
  const [accountsGiven, setAccountsGiven] = useState(false);
  const { busy, error, run } = useAction();
  const id = (f: string) => `acc-${a.initiative}-${f}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('Gemmer …', async () => {
      await api(`/api/grants/plans/${docId}/accounts/${encodeURIComponent(a.initiative)}`, accountResponse, {
        method: 'PUT',
        body: { version: a.version, committed: committed ?? 0, spent: spent ?? 0, due: due.trim() || null, evaluation, evaluated, accounts, accounts_given: accountsGiven },
      });
      await onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} fieldId={id} onReload={() => void onDone()} reloadHint="Hent de gemte tal, og ret dem igen." />
      <NumberField id={id('committed')} label="Bevilget (kr.)" hint={`Højst budgettet, ${kroner(a.budget)}.`} value={committed} onChange={setCommitted} />
      <NumberField id={id('spent')} label="Forbrug (kr.)" hint="Højst det bevilgede." value={spent} onChange={setSpent} />
      <Field id={id('due')} label="Frist for evaluering og regnskab (ÅÅÅÅ-MM-DD)" className="input-width-s" value={due} onChange={setDue} />
      {/* Given once: then the evaluation and the accounts stand as they were given. */}
      {a.evaluated_on ? <p className="form-hint">Evalueringen er afgivet {dk(a.evaluated_on)} og kan ikke ændres.</p> : (
        <>
          <TextArea id={id('evaluation')} label="Evaluering" hint="Hvad initiativet opnåede. Initiativets målbare resultater måles i statistikbanken, når evalueringen afgives." value={evaluation} onChange={setEvaluation} rows={4} />
          <Checkbox id={id('evaluated')} label="Afgiv evalueringen nu" checked={evaluated} onChange={setEvaluated} />
        </>
      )}
      {a.accounts_on ? <p className="form-hint">Regnskabet er afgivet {dk(a.accounts_on)} og kan ikke ændres.</p> : (
        <>
          <TextArea id={id('accounts')} label="Regnskab" hint="Hvad tilskuddet er brugt til." value={accounts} onChange={setAccounts} rows={3} />
          <Checkbox id={id('accounts_given')} label="Afgiv regnskabet nu" checked={accountsGiven} onChange={setAccountsGiven} />
        </>
      )}
      {a.version > 0 && <Alert kind="info">Sidst gemt af {a.updated_by}.</Alert>}
      <p>
        <button type="submit" className="button button-primary" disabled={busy !== null}>{busy ?? 'Gem'}</button>{' '}
        <button type="button" className="button button-tertiary" onClick={() => void onDone()}>Annullér</button>
      </p>
    </form>
  );
}
