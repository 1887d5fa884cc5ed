import { useMemo, useState } from 'react';
import { label } from './labels.js';
import { type Hub, HubContext } from './load.js';
import { HouseholdPage } from './pages/Household.js';
import { RegionPage } from './pages/Region.js';
import { SearchPage } from './pages/Search.js';
import { SignIn } from './pages/SignIn.js';
import { href, useRoute } from './route.js';
import { hubFor, loadSession, saveSession, type Session } from './session.js';

const DEFAULT_YEAR = 2020;

export function App() {
  const [session, setSession] = useState<Session | null>(() => {
    const s = loadSession();
    return s && s.expires * 1000 > Date.now() ? s : null;
  });
  const [expired, setExpired] = useState(false);
  const route = useRoute();
  const hub = useMemo<Hub | null>(
    () =>
      session && {
        session,
        client: hubFor(session),
        expire: () => {
          saveSession(null);
          setSession(null);
          setExpired(true);
        },
      },
    [session],
  );
  if (!hub) {
    return (
      <SignIn
        expired={expired}
        onSignedIn={(s) => {
          saveSession(s);
          setExpired(false);
          setSession(s);
        }}
      />
    );
  }
  const [page, arg] = route.path;
  const year = Number(route.params.get('year')) || DEFAULT_YEAR;
  return (
    <HubContext.Provider value={hub}>
      <header className="top">
        <a className="brand" href={href('')}>
          扶贫数据枢纽
        </a>
        <nav aria-label="主导航">
          <a href={href('')}>查询</a>
          <a href={href(`region/${hub.session.region === '000000000000' ? '420115000000' : hub.session.region}`, { year })}>辖区看板</a>
        </nav>
        <span className="who" title={`${hub.session.role} ${hub.session.region}${hub.session.department ? ` ${hub.session.department}` : ''}`}>
          {hub.session.subject} · {label('Role', hub.session.role)}
          {hub.session.department ? ` · ${label('Department', hub.session.department)}` : ''} · {hub.session.region}
        </span>
        <button
          type="button"
          onClick={() => {
            saveSession(null);
            setSession(null);
          }}
        >
          退出
        </button>
      </header>
      <main>
        {page === 'household' && arg ? (
          <HouseholdPage key={arg} id={arg} year={year} />
        ) : page === 'region' && arg ? (
          <RegionPage key={arg} code={arg} year={year} status={route.params.get('status') ?? ''} {...(route.params.get('after') ? { after: route.params.get('after')! } : {})} />
        ) : (
          <SearchPage />
        )}
      </main>
    </HubContext.Provider>
  );
}
