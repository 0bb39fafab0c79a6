/** Closed-loop load: `clients` concurrent callers, each sending the next request when the last returns. */
export async function latency(base: string, clients: number, ms: number): Promise<{ p50: number; p95: number; rps: number }> {
  const tables = (await (await fetch(`${base}/v3/tables?format=json`)).json()) as { table_groups?: { tables: { table_id: string }[] }[] }[];
  const ids = tables.flatMap((s) => (s.table_groups ?? []).flatMap((g) => g.tables.map((t) => t.table_id)));
  // What the jobcenter page asks for: a year of months for all municipalities, or one area's series.
  const queries = ids.flatMap((id) => [
    `/v3/data/${id}?period.M=latest:12&hierarchy._nykom=*&format=json`,
    `/v3/data/${id}?period.M=latest:24&hierarchy._nykom=/&format=json`,
    `/v3/data/${id}?period.Q=latest:8&hierarchy._nykom=level:region&format=csv`,
  ]);
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
