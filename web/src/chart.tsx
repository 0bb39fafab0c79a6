/** A small, accessible SVG line chart (the table next to it is its text alternative). */
const colors = ['#0059b3', '#c7410b', '#008139', '#6f42c1', '#a4006b', '#00768a', '#8a6d00', '#333333'];
const nf = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

type Band = { name: string; lower: (number | null)[]; upper: (number | null)[] };

/** Lines over periods; `band` shades an interval (e.g. a prediction interval) behind them. */
export function LineChart({ title, periods, series, band }: { title: string; periods: string[]; series: { name: string; values: (number | null)[] }[]; band?: Band }) {
  const w = 720, h = 260, left = 64, right = 16, top = 16, bottom = 36;
  const all = [...series.flatMap((s) => s.values), ...(band ? [...band.lower, ...band.upper] : [])].filter((v): v is number => v !== null);
  if (all.length === 0) return null;
  const max = Math.max(...all, 0), min = Math.min(...all, 0);
  const x = (i: number) => left + (i * (w - left - right)) / Math.max(1, periods.length - 1);
  const y = (v: number) => top + ((max - v) * (h - top - bottom)) / Math.max(1e-9, max - min);
  const ticks = [min, (min + max) / 2, max];
  const every = Math.ceil(periods.length / 8);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`Graf: ${title} for ${series.length} serier over ${periods.length} perioder, ${periods[0]} til ${periods.at(-1)}. Tallene står i tabellen under grafen.`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={w - right} y1={y(t)} y2={y(t)} stroke="#ccc" />
            <text x={left - 6} y={y(t) + 4} textAnchor="end" fontSize="12">{nf.format(t)}</text>
          </g>
        ))}
        {/* A rolling year ('2024M01-2024M12') is labelled by its last month. */}
        {periods.map((p, i) => (i % every === 0 ? <text key={p} x={x(i)} y={h - 12} textAnchor="middle" fontSize="12">{p.split('-').at(-1)}</text> : null))}
        {band && <polygon fill="#0059b3" fillOpacity="0.12" points={bandPoints(band, x, y)} />}
        {series.map((s, si) => (
          <Line key={s.name} values={s.values} x={x} y={y} color={colors[si % colors.length]!} />
        ))}
      </svg>
      <figcaption>
        {title}.{' '}
        {series.some((s) => s.values.includes(null)) && 'Linjen er brudt, hvor et tal ikke er offentliggjort. '}
        {band && (
          <span className="chart-key">
            <span aria-hidden="true" style={{ background: 'rgba(0, 89, 179, 0.12)' }} className="chart-swatch" /> {band.name}
          </span>
        )}
        {series.map((s, si) => (
          <span key={s.name} className="chart-key">
            <span aria-hidden="true" style={{ background: colors[si % colors.length] }} className="chart-swatch" /> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** A 24-month sparkline; decorative unless `label` describes it. */
export function Sparkline({ values, label, max }: { values: (number | null)[]; label?: string; max?: number }) {
  const w = 160, h = 36;
  const nums = values.filter((v): v is number => v !== null);
  if (nums.length < 2) return null;
  const hi = max ?? Math.max(...nums), lo = max === undefined ? Math.min(...nums) : 0;
  const x = (i: number) => (i * w) / (values.length - 1);
  const y = (v: number) => h - 2 - ((v - lo) * (h - 4)) / Math.max(1e-9, hi - lo);
  return (
    <svg className="sparkline" viewBox={`0 0 ${w} ${h}`} width={w} height={h} {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}>
      <Line values={values} x={x} y={y} color="#0059b3" />
    </svg>
  );
}

/** Runs of consecutive values, so that a line breaks where a value is missing (e.g. suppressed). */
function runs(values: (number | null)[]): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push([i, v]);
  });
  if (cur.length) out.push(cur);
  return out;
}

/** A series as broken line: one path per run, a dot for a value alone between gaps. */
function Line({ values, x, y, color }: { values: (number | null)[]; x: (i: number) => number; y: (v: number) => number; color: string }) {
  return (
    <g>
      {runs(values).map((r) =>
        r.length === 1 ? (
          <circle key={r[0]![0]} cx={x(r[0]![0])} cy={y(r[0]![1])} r="3" fill={color} />
        ) : (
          <polyline key={r[0]![0]} fill="none" stroke={color} strokeWidth="2" points={r.map(([i, v]) => `${x(i)},${y(v)}`).join(' ')} />
        ),
      )}
    </g>
  );
}

/** The band's outline: along the upper edge, back along the lower (periods where both exist). */
function bandPoints(band: Band, x: (i: number) => number, y: (v: number) => number): string {
  const idx = band.lower.map((_, i) => i).filter((i) => band.lower[i] !== null && band.upper[i] !== null);
  return [...idx.map((i) => `${x(i)},${y(band.upper[i]!)}`), ...idx.reverse().map((i) => `${x(i)},${y(band.lower[i]!)}`)].join(' ');
}

/**
 * Actual against expected for every unit, the diagonal where they are equal, one unit
 * highlighted. Each point is a link-free mark; the ranking table is the text alternative.
 */
export function ScatterChart({ title, points, highlight, xLabel, yLabel }: { title: string; points: { id: string; name: string; x: number; y: number }[]; highlight?: string; xLabel: string; yLabel: string }) {
  const w = 520, h = 420, left = 64, right = 16, top = 16, bottom = 48;
  if (points.length === 0) return null;
  const vals = points.flatMap((p) => [p.x, p.y]);
  const lo = Math.min(...vals) * 0.95, hi = Math.max(...vals) * 1.05;
  const x = (v: number) => left + ((v - lo) * (w - left - right)) / Math.max(1e-9, hi - lo);
  const y = (v: number) => top + ((hi - v) * (h - top - bottom)) / Math.max(1e-9, hi - lo);
  const ticks = [lo, (lo + hi) / 2, hi];
  const me = points.find((p) => p.id === highlight);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`Punktdiagram: ${title}. ${points.length} jobcentre${me ? `; ${me.name} er fremhævet: faktisk ${nf.format(me.y)}, forventet ${nf.format(me.x)}` : ''}. Tallene står i tabellen.`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={w - right} y1={y(t)} y2={y(t)} stroke="#eee" />
            <text x={left - 6} y={y(t) + 4} textAnchor="end" fontSize="12">{nf.format(t)}</text>
            <text x={x(t)} y={h - 28} textAnchor="middle" fontSize="12">{nf.format(t)}</text>
          </g>
        ))}
        <line x1={x(lo)} y1={y(lo)} x2={x(hi)} y2={y(hi)} stroke="#888" strokeDasharray="4 4" />
        {points.map((p) => (p.id === highlight ? null : <circle key={p.id} cx={x(p.x)} cy={y(p.y)} r="4" fill="#0059b3" fillOpacity="0.5"><title>{`${p.name}: faktisk ${nf.format(p.y)}, forventet ${nf.format(p.x)}`}</title></circle>))}
        {me && (
          <g>
            <circle cx={x(me.x)} cy={y(me.y)} r="7" fill="#c7410b" stroke="#000" />
            <text x={x(me.x) + 10} y={y(me.y) - 8} fontSize="13" fontWeight="bold">{me.name}</text>
          </g>
        )}
        <text x={(left + w - right) / 2} y={h - 6} textAnchor="middle" fontSize="12">{xLabel}</text>
        <text x={14} y={(top + h - bottom) / 2} textAnchor="middle" fontSize="12" transform={`rotate(-90 14 ${(top + h - bottom) / 2})`}>{yLabel}</text>
      </svg>
      <figcaption>{title}. Over den stiplede linje er det faktiske niveau højere end forventet.</figcaption>
    </figure>
  );
}
