import type { ReactNode } from 'react';
import { label, SUBGRAPH_DEPARTMENTS } from './labels.js';

/** An enum value in Chinese, its English name in the tooltip. */
export function Enum({ of, value }: { of: string; value: string | null | undefined }) {
  return (
    <span className="enum" title={value ?? undefined}>
      {label(of, value)}
    </span>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="state loading" role="status" aria-live="polite">
      正在加载{what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="state empty" role="status">
      {children}
    </p>
  );
}

export function Forbidden({ what }: { what: string }) {
  return (
    <div className="state forbidden" role="alert" data-state="forbidden">
      <strong>无权查看</strong>：{what}不在您的管辖范围内（FORBIDDEN）。如需查看，请联系上级扶贫办。
    </div>
  );
}

export function NotFound({ what }: { what: string }) {
  return (
    <div className="state not-found" role="alert" data-state="not-found">
      <strong>未找到</strong>：{what}
    </div>
  );
}

export function Failed({ message }: { message: string }) {
  return (
    <div className="state failed" role="alert">
      <strong>请求失败</strong>：{message}
    </div>
  );
}

/** A partial answer: the departments that did not answer are named, the rest is shown. */
export function Unavailable({ departments }: { departments: string[] }) {
  if (departments.length === 0) return null;
  return (
    <div className="notice unavailable" role="alert" data-state="department-unavailable">
      <strong>部分数据暂缺</strong>：
      {departments.map((d) => (
        <span key={d} title={d}>
          {SUBGRAPH_DEPARTMENTS[d] ?? d}{' '}
        </span>
      ))}
      暂时无法连接（DEPARTMENT_UNAVAILABLE），其数据未显示；其余部门的数据如下。请稍后刷新。
    </div>
  );
}

export const yuan = (n: number | null | undefined): string => (n == null ? '—' : `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`);

export const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

export function YearPicker({ year, onChange }: { year: number; onChange: (y: number) => void }) {
  return (
    <label className="year">
      年度{' '}
      <select value={year} onChange={(e) => onChange(Number(e.target.value))}>
        {YEARS.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}
