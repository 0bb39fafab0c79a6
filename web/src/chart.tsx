/** A small, accessible SVG line chart (the table next to it is its text alternative). */
const colors = ['#0059b3', '#c7410b', '#008139', '#6f42c1', '#a4006b', '#00768a', '#8a6d00', '#333333'];
const nf = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

export function LineChart({ title, periods, series }: { title: string; periods: string[]; series: { name: string; values: (number | null)[] }[] }) {
  const w = 720, h = 260, left = 64, right = 16, top = 16, bottom = 36;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
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
        {periods.map((p, i) => (i % every === 0 ? <text key={p} x={x(i)} y={h - 12} textAnchor="middle" fontSize="12">{p}</text> : null))}
        {series.map((s, si) => (
          <polyline
            key={s.name}
            fill="none"
            stroke={colors[si % colors.length]}
            strokeWidth="2"
            points={s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean).join(' ')}
          />
        ))}
      </svg>
      <figcaption>
        {title}.{' '}
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
  const points = values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean).join(' ');
  return (
    <svg className="sparkline" viewBox={`0 0 ${w} ${h}`} width={w} height={h} {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}>
      <polyline fill="none" stroke="#0059b3" strokeWidth="2" points={points} />
    </svg>
  );
}
