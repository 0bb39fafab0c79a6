import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import type { StatbankService } from '../statbank/index.js';
import { areas } from '../reference/index.js';
import { areaWithin } from '../access/index.js';
import { generateFollowupReports } from './report.js';

/** The demo's follow-up: the newest quarter's reports for the demo region (B1) drafted, once. */
export async function ensureDemoFollowup(db: Kysely<Database>, statbank: StatbankService): Promise<void> {
  const any = await db.selectFrom('document').select('id').where('kind', '=', 'followup_report').limit(1).executeTakeFirst();
  if (any) return;
  const jobcenters = areas.filter((a) => a.level === 'jobcenter' && areaWithin(a.id, 'B1')).map((a) => a.id);
  await generateFollowupReports(db, statbank, { id: null, label: 'demo' }, { jobcenters });
}
