import { HouseholdAsOfDocument, type HouseholdViewQuery, HouseholdViewDocument, RevealIdNumberDocument } from '@fupin/client';
import { useState } from 'react';
import { Procedure } from './Procedure.js';
import { BATCHES, GAP_DEPARTMENT, label } from '../labels.js';
import { settle, useHub, useLoad } from '../load.js';
import { go, href } from '../route.js';
import { Empty, Enum, Failed, Forbidden, Loading, NotFound, Unavailable, YearPicker, yuan } from '../ui.js';

type Household = NonNullable<HouseholdViewQuery['household']>;
type Member = Household['members'][number];

/** Roles that may see a whole ID number (with a reason, audited). */
const REVEALERS = new Set(['CASEWORKER', 'COUNTY_OFFICER', 'ADMIN']);

export function HouseholdPage({ id, year }: { id: string; year: number }) {
  const { client } = useHub();
  const [load, reload] = useLoad(() => client.request(HouseholdViewDocument, { id, year }), [id, year]);
  const setYear = (y: number) => go(`household/${encodeURIComponent(id)}`, { year: y });
  if (load.state === 'loading') return <Loading what="户档案" />;
  if (load.state === 'failed') {
    if (load.failure.kind === 'forbidden') return <Forbidden what="该户" />;
    if (load.failure.kind === 'expired') return null;
    return <Failed message={load.failure.message} />;
  }
  const h = load.data.household;
  if (!h) return <NotFound what="没有这一户（户 ID 不存在或已清退）" />;
  return (
    <article className="household" aria-labelledby="household-title">
      <header className="page-head">
        <h1 id="household-title">
          户编号 {h.householdNumber}
          <small>
            {' '}
            {h.village.parent?.name} {h.village.name}
          </small>
        </h1>
        <YearPicker year={year} onChange={setYear} />
        <button type="button" onClick={reload}>
          刷新
        </button>
      </header>
      <Unavailable departments={load.unavailable} />
      <dl className="facts">
        <dt>状态</dt>
        <dd>
          <Enum of="PovertyStatus" value={h.status} />
        </dd>
        <dt>户类型</dt>
        <dd>
          <Enum of="HouseholdType" value={h.type} />
        </dd>
        <dt>致贫原因</dt>
        <dd>
          <Enum of="PovertyCause" value={h.mainCause} />
          {(h.otherCauses ?? []).map((c) => (
            <span key={c}>
              、<Enum of="PovertyCause" value={c} />
            </span>
          ))}
        </dd>
        <dt>{year} 年人均纯收入</dt>
        <dd>{yuan(h.incomePerCapita)}</dd>
        <dt>饮水安全</dt>
        <dd>{h.safeDrinkingWater ? '是' : '否'}</dd>
      </dl>
      <Coverage h={h} year={year} />
      <Members members={h.members} />
      <Departments h={h} year={year} />
      <Procedure householdId={h.id} village={h.village.code} year={year} onChanged={reload} />
      <StatusHistory key={h.status} id={id} />
    </article>
  );
}

function Coverage({ h, year }: { h: Household; year: number }) {
  const c = h.coverage;
  if (!c) return <Empty>{year} 年的覆盖情况暂缺。</Empty>;
  return (
    <section aria-labelledby="coverage-title">
      <h2 id="coverage-title">{year} 年 五个一批</h2>
      <ul className="batches">
        {BATCHES.map((b) => {
          const covered = c.batches.find((x) => x.batch === b)?.covered ?? false;
          return (
            <li key={b} className={covered ? 'batch covered' : 'batch'} title={b} data-batch={b} data-covered={covered}>
              <span className="batch-name">{label('Batch', b)}</span>
              <span className="batch-state">{covered ? '✔ 已覆盖' : '✘ 未覆盖'}</span>
            </li>
          );
        })}
      </ul>
      <h2>
        退出条件（两不愁三保障）：
        <span className={c.exitEligible ? 'ok' : 'bad'} data-testid="exit-eligible">
          {c.exitEligible ? '已达到' : '未达到'}
        </span>
      </h2>
      <h3>缺口（{c.gaps.length}）</h3>
      {c.gaps.length === 0 ? (
        <Empty>没有缺口。</Empty>
      ) : (
        <table className="gaps">
          <thead>
            <tr>
              <th scope="col">缺口</th>
              <th scope="col">成员</th>
              <th scope="col">联系部门</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {c.gaps.map((g, i) => (
              <tr key={i} data-gap={g.kind}>
                <td>
                  <Enum of="GapKind" value={g.kind} />
                </td>
                <td>{g.member?.name ?? '全户'}</td>
                <td>{GAP_DEPARTMENT[g.kind] ?? '—'}</td>
                <td>{g.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Members({ members }: { members: Member[] }) {
  const { session } = useHub();
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [asking, setAsking] = useState<Member | null>(null);
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">家庭成员（{members.length}）</h2>
      <div className="scroll">
        <table className="members">
          <thead>
            <tr>
              <th scope="col">姓名</th>
              <th scope="col">与户主关系</th>
              <th scope="col">身份证号</th>
              <th scope="col">性别</th>
              <th scope="col">出生日期</th>
              <th scope="col">健康状况</th>
              <th scope="col">劳动能力</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id} data-member={m.id}>
                <td>{m.name}</td>
                <td>
                  <Enum of="Relation" value={m.relationToHead} />
                </td>
                <td>
                  <code className="id-number">{revealed[m.id] ?? m.maskedIdNumber}</code>{' '}
                  {REVEALERS.has(session.role) && !revealed[m.id] && (
                    <button type="button" className="link" onClick={() => setAsking(m)} aria-label={`查看完整号码：${m.name}`}>
                      查看完整号码
                    </button>
                  )}
                </td>
                <td>
                  <Enum of="Gender" value={m.gender} />
                </td>
                <td>{m.birthDate}</td>
                <td>
                  <Enum of="HealthStatus" value={m.healthStatus} />
                </td>
                <td>
                  <Enum of="LaborCapacity" value={m.laborCapacity} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {asking && <RevealDialog member={asking} onClose={() => setAsking(null)} onRevealed={(n) => setRevealed((r) => ({ ...r, [asking.id]: n }))} />}
    </section>
  );
}

/** Asks why before showing a whole ID number: the reason goes to the audit log with the showing. */
function RevealDialog({ member, onClose, onRevealed }: { member: Member; onClose: () => void; onRevealed: (n: string) => void }) {
  const { client, expire } = useHub();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 2) return setError('请填写查看原因（至少 2 个字）。');
    setBusy(true);
    const done = await settle(() => client.request(RevealIdNumberDocument, { memberId: member.id, reason: reason.trim() }), expire);
    setBusy(false);
    if (done.state === 'done') {
      onRevealed(done.data.revealIdNumber);
      onClose();
    } else setError(done.failure.kind === 'forbidden' ? '无权查看完整身份证号（FORBIDDEN）。' : 'message' in done.failure ? done.failure.message : '会话已过期');
  };
  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="reveal-title" onSubmit={submit}>
        <h2 id="reveal-title">查看 {member.name} 的完整身份证号</h2>
        <p>查看完整号码将记入审计日志（操作人、时间、原因）。</p>
        <label>
          查看原因
          <textarea name="reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={3} required autoFocus />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={busy}>
            确认查看
          </button>
          <button type="button" onClick={onClose}>
            取消
          </button>
        </div>
      </form>
    </div>
  );
}

function Departments({ h, year }: { h: Household; year: number }) {
  return (
    <section aria-labelledby="departments-title">
      <h2 id="departments-title">{year} 年各部门记录</h2>
      <div className="departments">
        <div className="department">
          <h3>医保局 · 基本医疗</h3>
          <ul>
            {h.members.map((m) => (
              <li key={m.id}>
                {m.name}：{m.insurance ? <Enum of="InsuranceScheme" value={m.insurance.scheme} /> : m.insurance === null ? '未参保' : '—'}
                {(m.claims ?? []).map((c, i) => (
                  <div key={i} className="sub">
                    {c.date} {c.hospital} 总费用 {yuan(c.totalCost)}，自付 {yuan(c.outOfPocket)}
                    {c.oneStop ? '（一站式结算）' : ''}
                  </div>
                ))}
              </li>
            ))}
          </ul>
          {h.medical && (
            <p>
              全户医疗费用 {yuan(h.medical.totalCost)}，自付 {yuan(h.medical.outOfPocket)}（{(h.medical.outOfPocketShare * 100).toFixed(1)}%）
            </p>
          )}
        </div>
        <div className="department">
          <h3>教育局 · 义务教育</h3>
          {!h.members.some((m) => m.schooling || (m.grants ?? []).length > 0) && <p>本年度无记录。</p>}
          <ul>
            {h.members
              .filter((m) => (m.schooling ?? null) !== null || (m.grants ?? []).length > 0)
              .map((m) => (
                <li key={m.id}>
                  {m.name}：{m.schooling ? (
                    <>
                      <Enum of="SchoolStage" value={m.schooling.stage} /> {m.schooling.school} <Enum of="SchoolStatus" value={m.schooling.status} />
                    </>
                  ) : (
                    '无在学记录'
                  )}
                  {(m.grants ?? []).map((g, i) => (
                    <div key={i} className="sub">
                      <Enum of="GrantProgram" value={g.program} /> {yuan(g.amount)} {g.paidOn}
                    </div>
                  ))}
                </li>
              ))}
          </ul>
        </div>
        <div className="department">
          <h3>住建局 · 住房安全</h3>
          {h.housing ? (
            <>
              <p>
                住房：{h.housing.safe ? '安全' : '不安全'}；鉴定：
                {h.housing.latestAppraisal ? (
                  <>
                    <Enum of="AppraisalGrade" value={h.housing.latestAppraisal.grade} />（{h.housing.latestAppraisal.appraisedOn}）
                  </>
                ) : (
                  '未鉴定'
                )}
              </p>
              {h.housing.renovations.map((r, i) => (
                <p key={i} className="sub">
                  <Enum of="RenovationKind" value={r.kind} /> <Enum of="RenovationStatus" value={r.status} /> {r.completedOn ?? ''}
                </p>
              ))}
              {h.housing.relocation && (
                <p className="sub">
                  易地搬迁：{h.housing.relocation.site}（{h.housing.relocation.relocatedOn}）
                </p>
              )}
            </>
          ) : (
            <p>—</p>
          )}
        </div>
        <div className="department">
          <h3>人社局 · 就业与产业</h3>
          {!h.members.some((m) => m.employment) && (h.industrySupport ?? []).length === 0 && <p>本年度无记录。</p>}
          <ul>
            {h.members
              .filter((m) => m.employment)
              .map((m) => (
                <li key={m.id}>
                  {m.name}：<Enum of="EmploymentStatus" value={m.employment!.status} /> {m.employment!.monthsWorked} 个月，月收入 {yuan(m.employment!.monthlyIncome)}
                </li>
              ))}
          </ul>
          {(h.industrySupport ?? []).map((s, i) => (
            <p key={i} className="sub">
              产业帮扶：<Enum of="IndustrySupportKind" value={s.kind} /> {yuan(s.amount)}
            </p>
          ))}
        </div>
      </div>
    </section>
  );
}

const HISTORY_YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

/**
 * The status at the end of each year, read as of 31 December (HouseholdAsOf): the contract's
 * status-change history (StatusChanges) comes with the exit procedure.
 */
function StatusHistory({ id }: { id: string }) {
  const { client } = useHub();
  const thisYear = new Date().getFullYear();
  const years = HISTORY_YEARS.filter((y) => y <= thisYear);
  const [load] = useLoad(
    () => Promise.all(years.map((y) => client.request(HouseholdAsOfDocument, { id, date: `${y}-12-31` }).then((r) => [y, r.household?.asOf?.status ?? null] as const))),
    [id],
  );
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">历年状态（每年 12 月 31 日）</h2>
      {load.state === 'loading' ? (
        <Loading what="历年状态" />
      ) : load.state === 'failed' ? (
        <Failed message={"message" in load.failure ? load.failure.message : "会话已过期"} />
      ) : (
        <ol className="history">
          {load.data
            .filter(([, s]) => s)
            .map(([y, s]) => (
              <li key={y}>
                {y}：<Enum of="PovertyStatus" value={s} />
              </li>
            ))}
        </ol>
      )}
      <p>
        <a href={href('')}>返回查询</a>
      </p>
    </section>
  );
}
