/**
 * An LRU cache of computed responses, bounded by their total size. Releases are immutable,
 * so a response keyed by release id and canonical query never goes stale. Concurrent
 * requests for the same key share one computation.
 */
export class ResponseCache<T extends { body: Buffer }> {
  private readonly entries = new Map<string, T>();
  private readonly pending = new Map<string, Promise<T>>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  /** The cached value, or the result of `compute` (cached when it fits). */
  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const running = this.pending.get(key);
    if (running) return running;
    const p = compute().then(
      (v) => {
        this.pending.delete(key);
        this.put(key, v);
        return v;
      },
      (e: unknown) => {
        this.pending.delete(key);
        throw e;
      },
    );
    this.pending.set(key, p);
    return p;
  }

  private put(key: string, v: T) {
    const size = v.body.byteLength + key.length * 2;
    if (size > this.maxBytes / 8) return;
    this.entries.set(key, v);
    this.bytes += size;
    for (const [k, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= old.body.byteLength + k.length * 2;
    }
  }
}

/** A canonical form of a query (sorted keys; `release` left out, it is resolved to an id). */
export function canonicalQuery(query: Record<string, string | string[]>): string {
  return Object.keys(query)
    .filter((k) => k !== 'release')
    .sort()
    .map((k) => `${k}=${String(query[k])}`)
    .join('&');
}
