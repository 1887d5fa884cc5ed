import { DecideStatusChangeDocument, ObjectToStatusChangeDocument, ProposeStatusChangeDocument, ReviewStatusChangeDocument, StatusChangesDocument } from '@fupin/client';
import { useState } from 'react';
import { label } from '../labels.js';
import { settle, type Settled, useHub, useLoad } from '../load.js';
import { Enum, Failed, Loading } from '../ui.js';

const STEPS: Record<string, string> = { NOTICE: '公示中', TOWNSHIP: '待乡镇审核', COUNTY: '待县级审定', APPROVED: '已批准', REJECTED: '未批准', WITHDRAWN: '已撤回' };
const TARGETS = ['LIFTED', 'RELAPSED', 'REMOVED', 'POOR', 'MONITORED'] as const;
/** Who may act (the hub decides; the page hides what a role can never do). */
const PROPOSERS = new Set(['CASEWORKER', 'COUNTY_OFFICER', 'ADMIN']);
const DECIDERS = new Set(['COUNTY_OFFICER', 'ADMIN']);

/** What the hub said about an action: done, or refused with its own message and code. */
function outcome(done: Settled<unknown>, ok: string): string {
  if (done.state === 'done') return ok;
  if (done.failure.kind === 'expired') return '会话已过期';
  const codes = done.failure.kind === 'error' ? done.failure.codes.join(', ') : 'FORBIDDEN';
  return `未办理（${codes}）：${done.failure.message}`;
}

/**
 * The status procedure (贫困户退出程序) for one household: propose (民主评议), record objections
 * while it is published (公示), the township's review (乡镇审核), the county's decision (县级审定).
 * Each step is done by another person; the hub refuses what is out of order, and the page shows why.
 */
export function Procedure({ householdId, village, year, onChanged }: { householdId: string; village: string; year: number; onChanged: () => void }) {
  const { client, expire, session } = useHub();
  const [load, reload] = useLoad(() => client.request(StatusChangesDocument, { regionCode: village, first: 100 }), [village]);
  const [message, setMessage] = useState<string | null>(null);
  const [toStatus, setToStatus] = useState<string>('LIFTED');
  const [effectiveDate, setEffectiveDate] = useState(`${year}-12-31`);
  const [reason, setReason] = useState('');
  const [texts, setTexts] = useState<Record<string, string>>({});
  const text = (id: string) => texts[id]?.trim() ?? '';

  const act = async (run: () => Promise<unknown>, ok: string) => {
    setMessage(null);
    const done = await settle(run, expire);
    setMessage(outcome(done, ok));
    if (done.state === 'done') {
      reload();
      onChanged();
    }
  };
  const propose = (e: React.FormEvent) => {
    e.preventDefault();
    void act(
      () => client.request(ProposeStatusChangeDocument, { input: { householdId, toStatus: toStatus as (typeof TARGETS)[number], effectiveDate, reason: reason.trim() } }),
      '已提出申请',
    );
  };

  const mine = load.state === 'done' ? (load.data.statusChanges?.nodes ?? []).filter((n) => n.household?.id === householdId) : [];
  return (
    <section aria-labelledby="procedure-title" className="procedure">
      <h2 id="procedure-title">状态变更程序（民主评议 → 公示 → 乡镇审核 → 县级审定）</h2>
      {message && (
        <p className="notice" role="status" data-testid="procedure-message">
          {message}
        </p>
      )}
      {load.state === 'loading' && <Loading what="申请" />}
      {load.state === 'failed' && load.failure.kind !== 'expired' && <Failed message={load.failure.message} />}
      {mine.map((p) => (
        <div key={p.id} className="proposal" data-proposal={p.id} data-step={p.step}>
          <p>
            申请：<Enum of="PovertyStatus" value={p.toStatus} />，
            <span title={p.step}>{STEPS[p.step] ?? p.step}</span>
            {p.noticeEndsOn ? `（公示至 ${p.noticeEndsOn}）` : ''}
          </p>
          {p.objections.length > 0 && (
            <ul>
              {p.objections.map((o, i) => (
                <li key={i}>异议：{o.objection}</li>
              ))}
            </ul>
          )}
          {['NOTICE', 'TOWNSHIP', 'COUNTY'].includes(p.step) && (
            <div className="proposal-actions">
              <label>
                意见或理由
                <input value={texts[p.id] ?? ''} onChange={(e) => setTexts((t) => ({ ...t, [p.id]: e.target.value }))} />
              </label>
              {PROPOSERS.has(session.role) && (
                <button type="button" onClick={() => void act(() => client.request(ObjectToStatusChangeDocument, { id: p.id, objection: text(p.id) }), '已记录异议')}>
                  记录异议
                </button>
              )}
              {PROPOSERS.has(session.role) && (
                <button type="button" onClick={() => void act(() => client.request(ReviewStatusChangeDocument, { id: p.id, approve: true, reason: text(p.id) }), '乡镇审核：同意')}>
                  乡镇审核同意
                </button>
              )}
              {DECIDERS.has(session.role) && (
                <>
                  <button type="button" onClick={() => void act(() => client.request(DecideStatusChangeDocument, { id: p.id, approve: true, reason: text(p.id) }), '县级审定：批准')}>
                    县级审定批准
                  </button>
                  <button type="button" onClick={() => void act(() => client.request(DecideStatusChangeDocument, { id: p.id, approve: false, reason: text(p.id) }), '县级审定：不批准')}>
                    不批准
                  </button>
                </>
              )}
            </div>
          )}
        </div>
      ))}
      {PROPOSERS.has(session.role) && (
        <form className="propose" onSubmit={propose} aria-label="提出状态变更">
          <label>
            变更为
            <select value={toStatus} onChange={(e) => setToStatus(e.target.value)}>
              {TARGETS.map((t) => (
                <option key={t} value={t} title={t}>
                  {label('PovertyStatus', t)}
                </option>
              ))}
            </select>
          </label>
          <label>
            生效日期
            <input type="date" value={effectiveDate} onChange={(e) => setEffectiveDate(e.target.value)} />
          </label>
          <label>
            理由（民主评议结果）
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit">提出申请</button>
        </form>
      )}
    </section>
  );
}
