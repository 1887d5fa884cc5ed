import { MemberByIdNumberDocument, VillageHouseholdsDocument } from '@fupin/client';
import { useState } from 'react';
import { settle, useHub } from '../load.js';
import { go, href } from '../route.js';
import { Failed, Forbidden, NotFound } from '../ui.js';

type Outcome = { kind: 'idle' } | { kind: 'searching' } | { kind: 'not-found'; what: string } | { kind: 'forbidden' } | { kind: 'failed'; message: string } | { kind: 'invalid'; message: string };

/**
 * Finds a household by its number or a member's ID number. The contract has no lookup by
 * household number; a household number starts with its village's 12-digit code, so the page
 * pages through that village's households (100 at a time) for it.
 */
export function SearchPage() {
  const { client, expire, session } = useHub();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const search = async (e: React.FormEvent) => {
    e.preventDefault();
    const q = text.trim().toUpperCase();
    if (/^\d{17}[\dX]$/.test(q)) {
      setOutcome({ kind: 'searching' });
      // The audited lookup: the registry records who looked up a person by ID number.
      const done = await settle(() => client.request(MemberByIdNumberDocument, { idNumber: q }), expire);
      if (done.state === 'failed') return setOutcome(done.failure.kind === 'forbidden' ? { kind: 'forbidden' } : { kind: 'failed', message: 'message' in done.failure ? done.failure.message : '' });
      const m = done.data.memberByIdNumber;
      if (!m) return setOutcome({ kind: 'not-found', what: '没有登记此身份证号的人员（或不在您的管辖范围内）' });
      return go(`household/${m.household.id}`);
    }
    if (/^\d{13,32}$/.test(q)) {
      setOutcome({ kind: 'searching' });
      const village = q.slice(0, 12);
      let after: string | null | undefined = null;
      for (let page = 0; page < 50; page++) {
        const done = await settle(() => client.request(VillageHouseholdsDocument, { code: village, first: 100, after }), expire);
        if (done.state === 'failed') return setOutcome(done.failure.kind === 'forbidden' ? { kind: 'forbidden' } : { kind: 'failed', message: 'message' in done.failure ? done.failure.message : '' });
        const households = done.data.region?.households;
        const hit = households?.nodes.find((n) => n.householdNumber === q);
        if (hit) return go(`household/${hit.id}`);
        if (!households?.pageInfo.hasNextPage) break;
        after = households.pageInfo.endCursor;
      }
      return setOutcome({ kind: 'not-found', what: `没有户编号为 ${q} 的户（或不在您的管辖范围内）` });
    }
    setOutcome({ kind: 'invalid', message: '请输入户编号（村代码 12 位 + 户序号）或 18 位身份证号。' });
  };

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">查询贫困户</h1>
      <form className="search" onSubmit={search} role="search">
        <label htmlFor="q">户编号或身份证号</label>
        <input id="q" name="q" value={text} onChange={(e) => setText(e.target.value)} inputMode="text" autoComplete="off" placeholder="例如 4201150010010001" />
        <button type="submit" disabled={outcome.kind === 'searching'}>
          查询
        </button>
      </form>
      {outcome.kind === 'searching' && (
        <p className="state loading" role="status">
          正在查询…
        </p>
      )}
      {outcome.kind === 'not-found' && <NotFound what={outcome.what} />}
      {outcome.kind === 'forbidden' && <Forbidden what="该户" />}
      {outcome.kind === 'failed' && <Failed message={outcome.message} />}
      {outcome.kind === 'invalid' && (
        <p className="error" role="alert">
          {outcome.message}
        </p>
      )}
      <p>
        或从 <a href={href(`region/${session.region === '000000000000' ? '420115000000' : session.region}`)}>辖区看板</a> 逐级查看。
      </p>
    </section>
  );
}
