import { RegionDocument, RegionFourZerosDocument } from '@fupin/client';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { download, toCsv } from '../csv.js';
import { useHub, useLoad } from '../load.js';
import { go, href } from '../route.js';
import { Empty, Enum, Failed, Forbidden, Loading, NotFound, Unavailable, YearPicker } from '../ui.js';
import { HouseholdsList } from './Households.js';

// Only the parts the page draws, bundled: no chart library from a CDN.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The region dashboard: its four zeros, its children's as a table and a bar chart, drill-down to a village's households. */
export function RegionPage({ code, year, status, after }: { code: string; year: number; status: string; after?: string }) {
  const { client } = useHub();
  const [load] = useLoad(() => Promise.all([client.request(RegionDocument, { code }), client.request(RegionFourZerosDocument, { code, year })]), [code, year]);
  if (load.state === 'loading') return <Loading what="辖区看板" />;
  if (load.state === 'failed') {
    if (load.failure.kind === 'forbidden') return <Forbidden what="该地区" />;
    if (load.failure.kind === 'expired') return null;
    return <Failed message={load.failure.message} />;
  }
  const [{ region }, { region: zeros }] = load.data;
  if (!region) return <NotFound what={`没有代码为 ${code} 的地区`} />;
  const levelOf = new Map(region.children.map((c) => [c.code, c.level]));
  const z = zeros?.fourZeros;
  const rows = zeros?.children ?? [];
  return (
    <section aria-labelledby="region-title">
      <header className="page-head">
        <h1 id="region-title">
          {region.name}
          <small>
            {' '}
            <Enum of="RegionLevel" value={region.level} /> {region.code}
          </small>
        </h1>
        <YearPicker year={year} onChange={(y) => go(`region/${code}`, { year: y })} />
      </header>
      {region.parent && (
        <p className="crumbs">
          上级：<a href={href(`region/${region.parent.code}`, { year })}>{region.parent.name}</a>
        </p>
      )}
      <Unavailable departments={load.unavailable} />
      {z && (
        <section aria-labelledby="zeros-title">
          <h2 id="zeros-title">{year} 年 四个清零</h2>
          <ul className="zeros">
            <li title="unsafeHousingHouseholds">
              <span>危房户</span>
              <strong>{z.unsafeHousingHouseholds ?? '—'}</strong>
            </li>
            <li title="highMedicalBurdenHouseholds">
              <span>医疗负担过重户</span>
              <strong>{z.highMedicalBurdenHouseholds ?? '—'}</strong>
            </li>
            <li title="dropoutMembers">
              <span>辍学人数</span>
              <strong>{z.dropoutMembers ?? '—'}</strong>
            </li>
            <li title="zeroEmploymentHouseholds">
              <span>零就业家庭</span>
              <strong>{z.zeroEmploymentHouseholds ?? '—'}</strong>
            </li>
          </ul>
        </section>
      )}
      {region.level === 'VILLAGE' ? (
        <HouseholdsList village={code} status={status} {...(after ? { after } : {})} />
      ) : rows.length === 0 ? (
        <Empty>没有下级地区。</Empty>
      ) : (
        <section aria-labelledby="children-title">
          <div className="toolbar">
            <h2 id="children-title">下级地区</h2>
            <button
              type="button"
              onClick={() =>
                download(
                  `four-zeros-${code}-${year}.csv`,
                  toCsv([['地区代码', '地区', '危房户', '辍学人数'], ...rows.map((c) => [c.code, c.name, c.fourZeros?.unsafeHousingHouseholds, c.fourZeros?.dropoutMembers])]),
                )
              }
            >
              导出 CSV
            </button>
          </div>
          <Chart rows={rows.map((c) => ({ name: c.name, unsafe: c.fourZeros?.unsafeHousingHouseholds ?? null, dropouts: c.fourZeros?.dropoutMembers ?? null }))} />
          <div className="scroll">
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">地区</th>
                  <th scope="col" title="unsafeHousingHouseholds">
                    危房户
                  </th>
                  <th scope="col" title="dropoutMembers">
                    辍学人数
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.code} data-region={c.code}>
                    <td>
                      <a href={href(`region/${c.code}`, { year })}>{c.name}</a> <Enum of="RegionLevel" value={levelOf.get(c.code)} />
                    </td>
                    <td>
                      <a href={href(`region/${c.code}`, { year })} aria-label={`${c.name} 危房户 ${c.fourZeros?.unsafeHousingHouseholds ?? '—'}`}>
                        {c.fourZeros?.unsafeHousingHouseholds ?? '—'}
                      </a>
                    </td>
                    <td>
                      <a href={href(`region/${c.code}`, { year })} aria-label={`${c.name} 辍学人数 ${c.fourZeros?.dropoutMembers ?? '—'}`}>
                        {c.fourZeros?.dropoutMembers ?? '—'}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </section>
  );
}

function Chart({ rows }: { rows: { name: string; unsafe: number | null; dropouts: number | null }[] }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: ['危房户', '辍学人数'] },
      grid: { left: 40, right: 16, bottom: 60, top: 40 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { rotate: rows.length > 6 ? 40 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '危房户', type: 'bar', data: rows.map((r) => r.unsafe) },
        { name: '辍学人数', type: 'bar', data: rows.map((r) => r.dropouts) },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows]);
  return <div ref={el} className="chart" role="img" aria-label={`下级地区四个清零柱状图：${rows.map((r) => `${r.name} 危房户 ${r.unsafe ?? '—'}，辍学 ${r.dropouts ?? '—'}`).join('；')}`} />;
}
