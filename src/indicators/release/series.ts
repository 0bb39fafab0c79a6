/**
 * Binary encoding of a release series: float64 little-endian values, period-major
 * (period i, measure j at i × measures + j), NaN for no value; one status byte per period.
 */
export const SeriesStatus = { published: 0, primary: 1, secondary: 2, unavailable: 3 } as const;
export type SeriesStatusName = keyof typeof SeriesStatus;
export const statusNames: readonly SeriesStatusName[] = ['published', 'primary', 'secondary', 'unavailable'];

export interface DecodedSeries {
  /** values[i * measures + j]; null where no value is published. */
  values: (number | null)[];
  status: SeriesStatusName[];
}

export function encodeValues(values: Float64Array): Uint8Array {
  // Float64Array is platform-endian; every platform Node runs on here is little-endian.
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

export function decodeSeries(values: Uint8Array, status: Uint8Array): DecodedSeries {
  const copy = new Uint8Array(values); // aligned copy: the driver's buffer may start at any offset
  const floats = new Float64Array(copy.buffer, 0, copy.byteLength / 8);
  return {
    values: Array.from(floats, (v) => (Number.isNaN(v) ? null : v)),
    status: Array.from(status, (s) => statusNames[s] ?? 'unavailable'),
  };
}
