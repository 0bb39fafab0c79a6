/**
 * The grant accounts as a politician or an auditor wants them (seed 002: "et regnskab for
 * tilskuddets anvendelse"): per initiative its budget, what is committed and spent and what is
 * left, and whether its evaluation and accounts are given; as XLSX (kroner as numbers) and as
 * HTML for the PDF.
 */
import ExcelJS from 'exceljs';
import { dayText } from '../clock.js';
import { esc, kroner, renderPage } from '../documents/index.js';
import type { InitiativeAccount } from './accounts.js';

export interface AccountsMeta {
  /** "Handleplan for LBR-midler 2027 – Jobcenter København" */
  title: string;
  council: string;
  frame: number | null;
  today: string;
}

const dk = (d: string | null) => (d ? dayText(d) : '–');
const given = (on: string | null) => (on ? `Afgivet ${dk(on)}` : 'Mangler');
const sum = (a: InitiativeAccount[], k: 'budget' | 'committed' | 'spent') => a.reduce((s, x) => s + x[k], 0);

const header = ['Initiativ', 'Budget (kr.)', 'Bevilget (kr.)', 'Forbrug (kr.)', 'Rest af budgettet (kr.)', 'Frist for evaluering og regnskab', 'Evaluering', 'Regnskab'];

export async function accountsXlsx(accounts: InitiativeAccount[], meta: AccountsMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Styringshjulet';
  const ws = wb.addWorksheet('Regnskab', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  for (const a of accounts) ws.addRow([a.title, a.budget, a.committed, a.spent, a.budget - a.spent, a.due ? dk(a.due) : null, given(a.evaluated_on), given(a.accounts_on)]);
  const total = ws.addRow(['I alt', sum(accounts, 'budget'), sum(accounts, 'committed'), sum(accounts, 'spent'), sum(accounts, 'budget') - sum(accounts, 'spent')]);
  total.font = { bold: true };
  for (const c of [2, 3, 4, 5]) ws.getColumn(c).numFmt = '#,##0';
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 44 : 20));
  const about = wb.addWorksheet('Om regnskabet');
  for (const line of [
    ['Plan', meta.title],
    ['Råd', meta.council],
    ['Ramme', meta.frame ?? 'ikke sat'],
    ['Opgjort', dk(meta.today)],
    ['Kilde', 'Styringshjulet'],
  ]) about.addRow(line);
  about.getColumn(1).font = { bold: true };
  about.getColumn(2).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function accountsHtml(accounts: InitiativeAccount[], meta: AccountsMeta): string {
  const row = (a: InitiativeAccount) => `<tr><td>${esc(a.title)}${a.overdue ? '<div class="small">Evaluering eller regnskab er forfaldent.</div>' : ''}</td><td class="num">${esc(kroner(a.budget))}</td><td class="num">${esc(kroner(a.committed))}</td><td class="num">${esc(kroner(a.spent))}</td><td class="num">${esc(kroner(a.budget - a.spent))}</td><td>${esc(dk(a.due))}</td><td>${esc(given(a.evaluated_on))}</td><td>${esc(given(a.accounts_on))}</td></tr>`;
  const table = `<table><thead><tr>${header.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${accounts.map(row).join('')}</tbody><tfoot><tr><th scope="row">I alt</th><td class="num">${esc(kroner(sum(accounts, 'budget')))}</td><td class="num">${esc(kroner(sum(accounts, 'committed')))}</td><td class="num">${esc(kroner(sum(accounts, 'spent')))}</td><td class="num">${esc(kroner(sum(accounts, 'budget') - sum(accounts, 'spent')))}</td><td colspan="3"></td></tr></tfoot></table>`;
  const evaluations = accounts.map((a) => `<h3>${esc(a.title)}</h3>${a.evaluated_on ? `<p>${esc(a.evaluation)}</p>${a.results.length ? `<ul>${a.results.map((r) => `<li>${esc(r.description)}: ${esc(r.reason)}</li>`).join('')}</ul>` : ''}` : '<p class="empty">Evalueringen er ikke afgivet.</p>'}${a.accounts_on ? `<h4>Regnskab</h4><p>${esc(a.accounts)}</p>` : ''}`).join('');
  return renderPage(`Regnskab: ${meta.title}`, `<p class="meta">${esc(meta.council)}</p><h1>Regnskab for LBR-midlerne</h1><p><strong>${esc(meta.title)}</strong><br>Ramme: ${meta.frame === null ? 'ikke sat' : esc(kroner(meta.frame))} · opgjort ${esc(dk(meta.today))}</p>`, [
    { id: 'regnskab', title: 'Budget, bevilget og forbrug', html: table },
    { id: 'evalueringer', title: 'Evalueringer og regnskaber', html: evaluations },
  ]);
}
