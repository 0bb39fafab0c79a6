/**
 * Binary encoding of a release series: float64 little-endian values, period-major
 * (period i, measure j at i × measures + j), NaN for no value, deflated (codec
 * 'f64-deflate'; rows of releases made before compression are raw, 'f64'); one status
 * byte per period.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { SeriesCodec } from './release.table.js';

export const SeriesStatus = { published: 0, primary: 1, secondary: 2, unavailable: 3 } as const;
export type SeriesStatusName = keyof typeof SeriesStatus;
export const statusNames: readonly SeriesStatusName[] = ['published', 'primary', 'secondary', 'unavailable'];

interface DecodedSeries {
  /** values[i * measures + j]; null where no value is published. */
  values: (number | null)[];
  status: SeriesStatusName[];
}

/** The stored bytes of a series' values (codec 'f64-deflate'). */
export function encodeValues(values: Float64Array): Uint8Array {
  // Float64Array is platform-endian; every platform Node runs on here is little-endian.
  const out = deflateRawSync(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), { level: 1 });
  // A copy: zlib's result is a view of a buffer of its chunk size (16 KB), which would be
  // kept alive per series.
  return new Uint8Array(out);
}

/** The values of a stored series. */
export function decodeValues(bytes: Uint8Array, codec: SeriesCodec): Float64Array {
  const raw = codec === 'f64-deflate' ? inflateRawSync(bytes) : bytes;
  const copy = new Uint8Array(raw); // aligned copy: a driver's or zlib's buffer may start at any offset
  return new Float64Array(copy.buffer, 0, copy.byteLength / 8);
}

export function decodeSeries(row: { values: Uint8Array; status: Uint8Array; codec: SeriesCodec }): DecodedSeries {
  return {
    values: Array.from(decodeValues(row.values, row.codec), (v) => (Number.isNaN(v) ? null : v)),
    status: Array.from(row.status, (s) => statusNames[s] ?? 'unavailable'),
  };
}
