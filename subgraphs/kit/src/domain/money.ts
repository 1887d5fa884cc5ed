/**
 * Money is yuan with at most two decimals. Inside the hub it is an integer number of fen,
 * so sums and shares never go through float arithmetic; PostgreSQL keeps numeric(14,2).
 */
export type Fen = number;

const YUAN = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/;

/** Parses yuan given as text or a JSON number; null when it is not a yuan amount. */
export function parseYuan(value: unknown): Fen | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return null;
  }
  const m = YUAN.exec(text);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -fen : fen;
}

/** Fen as the decimal text PostgreSQL numeric takes and gives back: "3747.50". */
export function fenToDecimal(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen as a JSON number of yuan. Division by 100 of an integer prints exactly. */
export function fenToYuan(fen: Fen): number {
  return Number(fenToDecimal(fen));
}
