/**
 * Assembling cells: the roll-up from municipality × benefit group to every area × benefit
 * value (exact for additive values; distinct persons are counted in rollup.ts distinctPersonsSql), and labels. Breakdowns are made in rollup.ts (bdmap).
 */
const list = (cols: string[]) => cols.join(', ');

/** src(k, g | bc, rest…, vals…) → out(ac, bc, rest…, vals…): municipality → areas, group → benefit values. */
export function toAreasSql(out: string, src: string, rest: string[], vals: string[], benefitFromGroup = true): string {
  return `CREATE OR REPLACE TABLE ${out} AS
    SELECT a.ac, ${benefitFromGroup ? 'b.bc' : 'x.bc'}, ${list(rest)}, ${vals.map((v) => `sum(${v}) AS ${v}`).join(', ')}
    FROM ${src} x JOIN amap a USING (k) ${benefitFromGroup ? 'JOIN bmap b USING (g)' : ''}
    GROUP BY ALL`;
}

/**
 * Labels and period facts for a table keyed (ac, bc, pid, bdv, …), published periods only
 * (filter: extra condition on the period's first_w / last_w).
 */
export function labelled(src: string, filter = 'TRUE'): string {
  return `(SELECT al.area, bl.benefit, p.freq, p.period, bd.breakdown, bd.breakdown_value, p.weeks, p.year, p.first_w, p.last_w, x.*
     FROM ${src} x JOIN periods p USING (pid) JOIN alabel al USING (ac) JOIN blabel bl USING (bc) JOIN bdlabel bd USING (bdv) WHERE ${filter})`;
}
