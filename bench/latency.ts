/** Closed-loop load: `clients` concurrent callers, each sending the next request when the last returns. */
export async function latency(base: string, clients: number, ms: number, queries: string[]): Promise<{ p50: number; p95: number; rps: number }> {
  const samples: number[] = [];
  const end = performance.now() + ms;
  let i = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const q = queries[i++ % queries.length]!;
        const t0 = performance.now();
        const res = await fetch(base + q);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${q}: HTTP ${res.status}`);
        samples.push(performance.now() - t0);
      }
    }),
  );
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
  return { p50: at(0.5), p95: at(0.95), rps: samples.length / (ms / 1000) };
}

/** /v3/data queries over every table: a year of months for all municipalities, one area's 24 months, regions by quarter. */
export async function statbankQueries(base: string): Promise<string[]> {
  const tables = (await (await fetch(`${base}/v3/tables?format=json`)).json()) as { table_groups?: { tables: { table_id: string }[] }[] }[];
  const ids = tables.flatMap((s) => (s.table_groups ?? []).flatMap((g) => g.tables.map((t) => t.table_id)));
  return ids.flatMap((id) => id === 'styr_benchmark' ? [
    `/v3/data/${id}?period.R=latest:12&format=json`,
    `/v3/data/${id}?period.R=latest:24&hierarchy._jobcenter=J101&dimension.maal=*&format=csv`,
  ] : [
    `/v3/data/${id}?period.M=latest:12&hierarchy._nykom=*&format=json`,
    `/v3/data/${id}?period.M=latest:24&hierarchy._nykom=/&format=json`,
    `/v3/data/${id}?period.Q=latest:8&hierarchy._nykom=level:region&format=csv`,
  ]);
}

/** The data requests of the jobcenter page, for every jobcenter: its profile, the area list, the session. */
export function jobcenterPageQueries(jobcenters: string[]): string[] {
  return jobcenters.flatMap((j) => [`/api/profile/${j}`, '/api/areas', '/api/session']);
}
