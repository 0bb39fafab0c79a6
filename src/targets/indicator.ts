/**
 * An indicator's series, read through the statistics bank exactly as /v3/data serves it
 * (the same table, suppression and peer clusters), so a target's status uses the numbers a
 * reader can check in the bank.
 */
import { resolveSelection, StatbankError, type StatbankService } from '../statbank/index.js';
import { describeIndicator, tableName } from './describe.js';
import type { SeriesPoint } from './forecast.js';
import type { Indicator } from './target.js';

/** The /v3 area hierarchy that holds an area id. */
const hierarchyOf = (area: string) => (area.startsWith('KL') ? 'hierarchy._klynge' : area.startsWith('J') ? 'hierarchy._jobcenter' : area.startsWith('B') ? 'hierarchy._beskregion' : 'hierarchy._nykom');

export class IndicatorError extends Error {}

/** Every period of the indicator in the release (default: the newest holding its table); null where not published. */
export async function readIndicator(service: StatbankService, ind: Indicator, release?: number): Promise<SeriesPoint[]> {
  try {
    const t = await service.table(ind.table, release);
    const query: Record<string, string> = { [`period.${ind.freq}`]: '*', [hierarchyOf(ind.area)]: ind.area, 'mgroup.*': ind.measure };
    for (const [dim, value] of Object.entries(ind.dims)) query[`dimension.${dim}`] = value;
    const res = await service.data(t, resolveSelection(t, query));
    const col = res.columns.indexOf(t.mgroups.find((g) => g.id === ind.measure)!.name);
    return res.rows.map((r, i) => ({ period: String(r[0]), value: res.status[i] === 'published' && typeof r[col] === 'number' ? r[col] : null }));
  } catch (err) {
    // The bank's API messages name tables by id; a target's reason names them as users know them.
    if (err instanceof StatbankError) {
      const name = tableName(ind.table);
      throw new IndicatorError(`Indikatoren ${describeIndicator(ind)}: ${name ? err.message.replaceAll(ind.table, `«${name}»`) : err.message}`);
    }
    throw err;
  }
}
