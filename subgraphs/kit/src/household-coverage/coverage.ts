import type { Department } from '../auth/caller.js';

/** 五个一批: the routes out of poverty that can reach a household. */
export enum Batch {
  /** 发展生产脱贫一批 */
  PRODUCTION = 'PRODUCTION',
  /** 易地扶贫搬迁脱贫一批 */
  RELOCATION = 'RELOCATION',
  /** 生态补偿脱贫一批 */
  ECOLOGICAL_COMPENSATION = 'ECOLOGICAL_COMPENSATION',
  /** 发展教育脱贫一批 */
  EDUCATION = 'EDUCATION',
  /** 社会保障兜底一批 */
  SOCIAL_SECURITY = 'SOCIAL_SECURITY',
}

/** What keeps a household from the exit standard (两不愁三保障 + safe water) in a year. */
export enum GapKind {
  INCOME_BELOW_LINE = 'INCOME_BELOW_LINE',
  UNINSURED_MEMBER = 'UNINSURED_MEMBER',
  HIGH_MEDICAL_BURDEN = 'HIGH_MEDICAL_BURDEN',
  DROPOUT = 'DROPOUT',
  UNSAFE_HOUSING = 'UNSAFE_HOUSING',
  ZERO_EMPLOYMENT = 'ZERO_EMPLOYMENT',
  UNSAFE_WATER = 'UNSAFE_WATER',
}

/** Where a part of a household's coverage comes from: the registry or a department. */
export type CoverageSourceName = 'REGISTRY' | Department;

export interface CoverageGap {
  kind: GapKind;
  /** The member a member-level gap is about; null for a household-level gap. */
  memberId: string | null;
  /** What was found, for the caseworker: "per-capita income 3500.00 below the line 4000.00". */
  detail: string;
}

/**
 * A value a gap rule read, kept with an exit so the decision can be checked later even after the
 * record is replaced (domain.md, "Gap rules"): which rule, about which member (null for the
 * household), what (`field`), the value as text (null: no record), and when the record holding
 * it was last written (null: no record, or a setting).
 */
export interface CoverageEvidence {
  rule: GapKind;
  memberId: string | null;
  field: string;
  value: string | null;
  asOf: string | null;
}

/** One source's answer for one household and year: the batches it covers, the gaps it finds. */
export interface CoveragePart {
  householdId: string;
  /** Members the source knows in the household: fewer than the registry's means its roster is behind. */
  members: number;
  batches: Batch[];
  gaps: CoverageGap[];
  /** When the source's records about the household last changed (ISO timestamp); null when it holds none. */
  asOf: string | null;
  /** The values its rules read: only when the registry asks for an exit judgement (`evidence: true`). */
  evidence?: CoverageEvidence[];
}

/** What the registry asks of a department beyond the coverage itself. */
export interface CoverageOptions {
  /** An exit is judged: also return the values the rules read. Ordinary reads do not pay for them. */
  evidence?: boolean;
}

/**
 * Which source decides which batches: `domain.md`'s "data from". (Which gaps each finds is its
 * own code's: a source's part carries them.)
 */
export interface CoverageSource {
  source: CoverageSourceName;
  /** The subgraph that answers for it. */
  subgraph: string;
  batches: readonly Batch[];
}

export const COVERAGE_SOURCES: readonly CoverageSource[] = [
  { source: 'REGISTRY', subgraph: 'households', batches: [Batch.SOCIAL_SECURITY] },
  { source: 'HEALTH_INSURANCE', subgraph: 'health-insurance', batches: [Batch.SOCIAL_SECURITY] },
  { source: 'EDUCATION_AID', subgraph: 'education-aid', batches: [Batch.EDUCATION] },
  { source: 'HOUSING_REPAIR', subgraph: 'housing-repair', batches: [Batch.RELOCATION] },
  { source: 'EMPLOYMENT', subgraph: 'employment', batches: [Batch.PRODUCTION, Batch.ECOLOGICAL_COMPENSATION] },
];

/** The path on which a department answers the registry for a batch of households and a year. */
export const COVERAGE_PATH = '/internal/coverage';

/** At most this many households per question (a page of households is at most 100). */
export const COVERAGE_BATCH_LIMIT = 500;

/** A timestamp from SQL (the driver may give text or a Date) as ISO text; the latest of several. */
export function latestTimestamp(...values: (Date | string | null | undefined)[]): string | null {
  const times = values.filter((v): v is Date | string => v !== null && v !== undefined).map((v) => new Date(v).getTime());
  return times.length ? new Date(Math.max(...times)).toISOString() : null;
}
