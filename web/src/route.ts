import { useEffect, useState } from 'react';

/** Routes live in the hash (/app/#/household/…): the gateway serves one HTML path, /app/. */
export interface Route {
  path: string[];
  params: URLSearchParams;
}

const read = (): Route => {
  const [path = '', query = ''] = window.location.hash.replace(/^#\/?/, '').split('?');
  return { path: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
};

export function useRoute(): Route {
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export const href = (path: string, params: Record<string, string | number | undefined> = {}): string => {
  const q = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();
  return `#/${path}${q ? `?${q}` : ''}`;
};

export const go = (path: string, params: Record<string, string | number | undefined> = {}): void => {
  window.location.hash = href(path, params);
};
