import type { HubClient } from '@fupin/client';
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { type Failure, failureOf, HubRequestError, type Session, unavailableDepartments } from './session.js';

export interface Hub {
  session: Session;
  client: HubClient;
  /** The token was refused (expired): back to sign-in, saying why. */
  expire(): void;
}

export const HubContext = createContext<Hub | null>(null);

export function useHub(): Hub {
  const hub = useContext(HubContext);
  if (!hub) throw new Error('useHub outside a signed-in page');
  return hub;
}

export type Settled<T> = { state: 'done'; data: T; unavailable: string[] } | { state: 'failed'; failure: Failure };
export type Load<T> = { state: 'loading' } | Settled<T>;

/**
 * Runs a read and keeps what it means for the page: a partial answer (a department down) is
 * data plus the departments missing; a refused token signs the caller out.
 */
export async function settle<T>(run: () => Promise<T>, expire: () => void): Promise<Settled<T>> {
  try {
    return { state: 'done', data: await run(), unavailable: [] };
  } catch (err) {
    if (err instanceof HubRequestError && err.data && err.codes.every((c) => c === 'DEPARTMENT_UNAVAILABLE')) {
      return { state: 'done', data: err.data as T, unavailable: unavailableDepartments(err) };
    }
    const failure = failureOf(err);
    if (failure.kind === 'expired') expire();
    return { state: 'failed', failure };
  }
}

export function useLoad<T>(run: () => Promise<T>, deps: unknown[]): [Load<T>, () => void] {
  const { expire } = useHub();
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const [again, setAgain] = useState(0);
  // A refresh (after an action) keeps what is shown until the new answer comes: the page does not flash or lose its messages.
  const refreshing = useRef(false);
  useEffect(() => {
    let live = true;
    if (!refreshing.current) setLoad({ state: 'loading' });
    refreshing.current = false;
    void settle(run, expire).then((l) => live && setLoad(l));
    return () => {
      live = false;
    };
  }, [...deps, again]);
  return [
    load,
    () => {
      refreshing.current = true;
      setAgain((n) => n + 1);
    },
  ];
}
