/**
 * Publishing a follow-up report tells those it is addressed to: the municipality's
 * labour-market committee (the jobcenter's users: its politicians read as jobcenter readers,
 * its editors serve the committee) and the members of its LBR. A transition hook of the
 * documents module, installed by the server beside the hearings' hooks.
 */
import type { Transaction } from 'kysely';
import { danishDate, type Clock } from '../clock.js';
import { councilUserIds } from '../councils/index.js';
import type { Database } from '../db/index.js';
import { documentPeriodName, type TransitionHook } from '../documents/index.js';
import type { Notifier } from '../notifications/index.js';
import { areaById } from '../reference/index.js';

async function addresseeIds(tx: Transaction<Database>, jobcenter: string, today: string): Promise<number[]> {
  const own = await tx.selectFrom('app_user as u').innerJoin('organisation as o', 'o.id', 'u.organisation_id').select('u.id').where('o.area', '=', jobcenter).where('o.kind', '!=', 'council').where('u.role', 'in', ['jobcenter_editor', 'jobcenter_reader']).where('u.disabled_at', 'is', null).execute();
  const lbr = await tx.selectFrom('organisation').select('id').where('code', '=', `LBR-${jobcenter}`).executeTakeFirst();
  return [...own.map((r) => r.id), ...(lbr ? await councilUserIds(tx, lbr.id, today) : [])];
}

export const followupHooks = (deps: { clock: Clock; notifier: Notifier }): TransitionHook => async (tx, { name, after }) => {
  if (name !== 'publish' || after.kind !== 'followup_report') return;
  const where = areaById.get(after.area)?.name.replace(/^Jobcenter /, '') ?? after.area;
  const title = `Opfølgning på beskæftigelsesindsatsen i ${where}, ${documentPeriodName(after)}`;
  await deps.notifier.notify(tx, await addresseeIds(tx, after.area, danishDate(deps.clock.now())), {
    key: `followup.published:${after.id}`,
    title: `Regionens opfølgning er offentliggjort: ${where}, ${documentPeriodName(after)}`,
    body: `${title} er offentliggjort af beskæftigelsesregionen. Rapporten er til kommunens beskæftigelsesudvalg og det lokale beskæftigelsesråd.`,
    link: `/dokumenter/${after.id}`,
  });
};
