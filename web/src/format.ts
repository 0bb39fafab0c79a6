/** Danish number formatting; null is a value that is not published. */
export const fmt = (v: number | null | undefined, decimals: number, missing = 'ikke offentliggjort') =>
  v === null || v === undefined || !Number.isFinite(v) ? missing : new Intl.NumberFormat('da-DK', { maximumFractionDigits: decimals, minimumFractionDigits: decimals }).format(v);
