/**
 * Publishing tells those a document is addressed to. A follow-up report: the municipality's
 * labour-market committee (the jobcenter's users: its politicians read as jobcenter readers,
 * its editors serve the committee) and the members of its LBR. The RBR's analysis report (seed
 * 001: to the minister, the municipal councils, BER and the LBRs): the BER's members and, for
 * every jobcenter of the region, its people and its LBR's members. A transition hook of the
 * documents module, installed by the server beside the hearings' hooks.
 */
import type { Transaction } from 'kysely';
import { danishDate, type Clock } from '../clock.js';
import { councilUserIds } from '../councils/index.js';
import type { Database } from '../db/index.js';
import { documentPeriodName, type TransitionHook } from '../documents/index.js';
import type { Notifier } from '../notifications/index.js';
import { areaWithin } from '../access/index.js';
import { areaById, areas } from '../reference/index.js';

async function addresseeIds(tx: Transaction<Database>, jobcenter: string, today: string): Promise<number[]> {
  const own = await tx.selectFrom('app_user as u').innerJoin('organisation as o', 'o.id', 'u.organisation_id').select('u.id').where('o.area', '=', jobcenter).where('o.kind', '!=', 'council').where('u.role', 'in', ['jobcenter_editor', 'jobcenter_reader']).where('u.disabled_at', 'is', null).execute();
  const lbr = await tx.selectFrom('organisation').select('id').where('code', '=', `LBR-${jobcenter}`).executeTakeFirst();
  return [...own.map((r) => r.id), ...(lbr ? await councilUserIds(tx, lbr.id, today) : [])];
}

export const followupHooks = (deps: { clock: Clock; notifier: Notifier }): TransitionHook => async (tx, { name, after }) => {
  if (name !== 'publish') return;
  const today = danishDate(deps.clock.now());
  if (after.kind === 'analysis_report') {
    const region = areaById.get(after.area)?.name.replace(/^Beskæftigelsesregion /, '') ?? after.area;
    const ber = await tx.selectFrom('organisation').select('id').where('code', '=', 'BER').executeTakeFirst();
    const jobcenters = areas.filter((a) => a.level === 'jobcenter' && areaWithin(a.id, after.area)).map((a) => a.id);
    const ids = [...(ber ? await councilUserIds(tx, ber.id, today) : []), ...(await Promise.all(jobcenters.map((j) => addresseeIds(tx, j, today)))).flat()];
    await deps.notifier.notify(tx, ids, {
      key: `analysis.published:${after.id}`,
      title: `RBR’s analyserapport ${after.year} er offentliggjort: ${region}`,
      body: `Det regionale beskæftigelsesråd har offentliggjort sin analyserapport for ${after.year} med de anbefalede fokusområder. Den er input til beskæftigelsesplanerne.`,
      link: `/dokumenter/${after.id}`,
    });
    return;
  }
  if (after.kind !== 'followup_report') return;
  const where = areaById.get(after.area)?.name.replace(/^Jobcenter /, '') ?? after.area;
  const title = `Opfølgning på beskæftigelsesindsatsen i ${where}, ${documentPeriodName(after)}`;
  await deps.notifier.notify(tx, await addresseeIds(tx, after.area, today), {
    key: `followup.published:${after.id}`,
    title: `Regionens opfølgning er offentliggjort: ${where}, ${documentPeriodName(after)}`,
    body: `${title} er offentliggjort af beskæftigelsesregionen. Rapporten er til kommunens beskæftigelsesudvalg og det lokale beskæftigelsesråd.`,
    link: `/dokumenter/${after.id}`,
  });
};
