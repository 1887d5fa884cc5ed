import { FIRST_REGISTRY_YEAR } from '../domain/dates.js';

// Column definitions every department table repeats, for migrations' `create table`.

/** Yuan, exact: numeric(14,2), never negative (code holds integer fen). */
export const moneyColumn = (column: string) => `${column} numeric(14,2) not null check (${column} >= 0)`;

/** A campaign year: the registry starts in 2014. */
export const yearColumn = (column = 'year') => `${column} integer not null check (${column} >= ${FIRST_REGISTRY_YEAR})`;

/** `RecordedEntity`'s columns. */
export const RECORDED_COLUMNS = `recorded_at timestamptz not null default now(),
        recorded_by text not null`;
