import { VillageHouseholdsDocument, type VillageHouseholdsQuery } from '@fupin/client';
import { useState } from 'react';
import { download, toCsv } from '../csv.js';
import { label } from '../labels.js';
import { settle, useHub, useLoad } from '../load.js';
import { go, href } from '../route.js';
import { Empty, Enum, Failed, Forbidden, Loading, NotFound, Unavailable } from '../ui.js';

const PAGE = 20;
const STATUSES = ['', 'POOR', 'LIFTED', 'RELAPSED', 'MONITORED'] as const;
type Node = NonNullable<VillageHouseholdsQuery['region']>['households']['nodes'][number];

/** A work list: a village's households, filtered by status, paged, exported to CSV. */
export function HouseholdsList({ village, status, after }: { village: string; status: string; after?: string }) {
  const { client, expire } = useHub();
  const vars = { code: village, first: PAGE, after: after ?? null, status: (status || null) as Node['status'] | null };
  const [load] = useLoad(() => client.request(VillageHouseholdsDocument, vars), [village, status, after]);
  const [exporting, setExporting] = useState(false);

  const exportAll = async () => {
    setExporting(true);
    const rows: Node[] = [];
    let cursor: string | null | undefined = null;
    for (let page = 0; page < 100; page++) {
      const done = await settle(() => client.request(VillageHouseholdsDocument, { ...vars, first: 100, after: cursor }), expire);
      if (done.state !== 'done' || !done.data.region) break;
      rows.push(...done.data.region.households.nodes);
      if (!done.data.region.households.pageInfo.hasNextPage) break;
      cursor = done.data.region.households.pageInfo.endCursor;
    }
    download(
      `households-${village}${status ? `-${status}` : ''}.csv`,
      toCsv([['户编号', '户主', '户主身份证号（脱敏）', '状态', '户类型'], ...rows.map((n) => [n.householdNumber, n.head?.name, n.head?.maskedIdNumber, label('PovertyStatus', n.status), label('HouseholdType', n.type)])]),
    );
    setExporting(false);
  };

  return (
    <section aria-labelledby="households-title">
      <h2 id="households-title">本村贫困户</h2>
      <div className="toolbar">
        <label>
          状态{' '}
          <select value={status} onChange={(e) => go(`region/${village}`, { status: e.target.value || undefined })}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s ? label('PovertyStatus', s) : '全部'}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={exportAll} disabled={exporting}>
          {exporting ? '正在导出…' : '导出 CSV'}
        </button>
      </div>
      {load.state === 'loading' && <Loading what="户列表" />}
      {load.state === 'failed' && (load.failure.kind === 'forbidden' ? <Forbidden what="该村" /> : load.failure.kind === 'error' ? <Failed message={load.failure.message} /> : null)}
      {load.state === 'done' && !load.data.region && <NotFound what={`没有代码为 ${village} 的地区`} />}
      {load.state === 'done' && load.data.region && (
        <>
          <Unavailable departments={load.unavailable} />
          <p>共 {load.data.region.households.totalCount} 户</p>
          {load.data.region.households.nodes.length === 0 ? (
            <Empty>没有符合条件的户。</Empty>
          ) : (
            <div className="scroll">
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">户编号</th>
                    <th scope="col">户主</th>
                    <th scope="col">身份证号</th>
                    <th scope="col">状态</th>
                    <th scope="col">户类型</th>
                  </tr>
                </thead>
                <tbody>
                  {load.data.region.households.nodes.map((n) => (
                    <tr key={n.id}>
                      <td>
                        <a href={href(`household/${n.id}`)}>{n.householdNumber}</a>
                      </td>
                      <td>{n.head?.name}</td>
                      <td>
                        <code>{n.head?.maskedIdNumber}</code>
                      </td>
                      <td>
                        <Enum of="PovertyStatus" value={n.status} />
                      </td>
                      <td>
                        <Enum of="HouseholdType" value={n.type} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav className="pager" aria-label="翻页">
            {after && <a href={href(`region/${village}`, { status: status || undefined })}>第一页</a>}
            {load.data.region.households.pageInfo.hasNextPage && load.data.region.households.pageInfo.endCursor && (
              <a href={href(`region/${village}`, { status: status || undefined, after: load.data.region.households.pageInfo.endCursor })}>下一页</a>
            )}
          </nav>
        </>
      )}
    </section>
  );
}
