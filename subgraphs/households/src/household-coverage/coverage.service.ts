import { Batch, type Caller, type CoverageEvidence, latestTimestamp, COVERAGE_BATCH_LIMIT, COVERAGE_PATH, COVERAGE_SOURCES, type CoveragePart, fenToDecimal, GapKind, parseYuan, PeerUnavailable, type Peers, povertyLineFen, type UnavailableReason } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HouseholdType } from '../household/household.enums.js';
import { memberOn } from '../household-history/member-on.js';
import { type CoverageBatch, type CoverageGap, type CoverageConsulted, CoverageSource, type ExitEvidenceValue, type HouseholdCoverage } from './coverage.type.js';

interface RegistryRow {
  household_id: string;
  type: HouseholdType;
  safe_drinking_water: boolean;
  members: number;
  income: string | null;
  as_of: Date | string | null;
  income_recorded_at?: Date | string | null;
  water_as_of?: Date | string | null;
}

/**
 * The registry's own part: INCOME_BELOW_LINE (no income for the year, or per capita below the
 * line of the year), UNSAFE_WATER, and SOCIAL_SECURITY for DIBAO and TEKUN households, read as
 * the household stood on 31 December of the year. One statement per batch.
 */
async function registryParts(em: EntityManager, householdIds: string[], year: number, povertyLines: Readonly<Record<number, number>>, withEvidence: boolean): Promise<Map<string, CoveragePart>> {
  // As of 31 December of the year: its type and water then (the `was` of the first change after
  // it, else today's row), and the members then present.
  const rows = await em.getConnection().execute<RegistryRow[]>(
    `select h.id as household_id, coalesce(c.was->>'type', h.type) as type,
            coalesce((c.was->>'safe_drinking_water')::boolean, h.safe_drinking_water) as safe_drinking_water,
            i.income_per_capita::text as income,
            (select count(*)::int from member m where m.household_id = h.id and ${memberOn('m', 'make_date(?, 12, 31)')}) as members,
            greatest(i.recorded_at, h.created_at) as as_of${
              // For an exit's evidence only: when the income and the water (the latest change up to the year's end) were written.
              withEvidence
                ? `, i.recorded_at as income_recorded_at,
            greatest(h.created_at, (select max(w.recorded_at) from household_change w where w.household_id = h.id and w.effective_date <= make_date(${Number(year)}, 12, 31))) as water_as_of`
                : ''
            }
       from household h left join household_income i on i.household_id = h.id and i.year = ?
       left join lateral (select c.was from household_change c where c.household_id = h.id and c.effective_date > make_date(?, 12, 31) order by c.effective_date, c.id limit 1) c on true
      where h.id = any(string_to_array(?, ',')::uuid[])`,
    // The year: twice for the members (joined, left), once for the income, once for the change.
    [year, year, year, year, householdIds.join(',')],
  );
  const line = povertyLineFen(year, povertyLines);
  return new Map(
    rows.map((r) => {
      const income = r.income === null ? null : parseYuan(r.income)!;
      const gaps = [
        ...(income === null ? [{ kind: GapKind.INCOME_BELOW_LINE, memberId: null, detail: `no per-capita income recorded for ${year}` }] : []),
        ...(income !== null && income < line ? [{ kind: GapKind.INCOME_BELOW_LINE, memberId: null, detail: `per-capita income ${fenToDecimal(income)} below the line ${fenToDecimal(line)} of ${year}` }] : []),
        ...(r.safe_drinking_water ? [] : [{ kind: GapKind.UNSAFE_WATER, memberId: null, detail: 'no safe drinking water' }]),
      ];
      const batches = r.type === HouseholdType.DIBAO || r.type === HouseholdType.TEKUN ? [Batch.SOCIAL_SECURITY] : [];
      const evidence: CoverageEvidence[] | undefined = withEvidence
        ? [
            { rule: GapKind.INCOME_BELOW_LINE, memberId: null, field: 'incomePerCapita', value: income === null ? null : fenToDecimal(income), asOf: latestTimestamp(r.income_recorded_at) },
            // The line is a setting of the deployment: no record, no as-of.
            { rule: GapKind.INCOME_BELOW_LINE, memberId: null, field: 'povertyLine', value: fenToDecimal(line), asOf: null },
            { rule: GapKind.UNSAFE_WATER, memberId: null, field: 'safeDrinkingWater', value: String(r.safe_drinking_water), asOf: latestTimestamp(r.water_as_of) },
          ]
        : undefined;
      return [r.household_id, { householdId: r.household_id, members: r.members, batches, gaps, asOf: latestTimestamp(r.as_of), ...(evidence ? { evidence } : {}) }];
    }),
  );
}

/** Why a department's part is missing: in words, and as the code a client acts on. */
interface Missing {
  detail: string;
  reason: UnavailableReason;
}
type Answer = { parts: Map<string, CoveragePart> } | { unavailable: Missing };

const BATCHES = new Set<string>(Object.values(Batch));
const GAP_KINDS = new Set<string>(Object.values(GapKind));
function isCoveragePart(p: unknown): p is CoveragePart {
  const part = p as CoveragePart;
  return (
    typeof part === 'object' && part !== null && typeof part.householdId === 'string' && typeof part.members === 'number' &&
    Array.isArray(part.batches) && part.batches.every((b) => BATCHES.has(b)) &&
    Array.isArray(part.gaps) && part.gaps.every((g) => typeof g === 'object' && g !== null && GAP_KINDS.has(g.kind) && typeof g.detail === 'string' && (g.memberId === null || typeof g.memberId === 'string')) &&
    (part.asOf === null || typeof part.asOf === 'string') &&
    (part.evidence === undefined || (Array.isArray(part.evidence) && part.evidence.every(isEvidence)))
  );
}

function isEvidence(e: unknown): e is CoverageEvidence {
  const v = e as CoverageEvidence;
  return (
    typeof v === 'object' && v !== null && GAP_KINDS.has(v.rule) && typeof v.field === 'string' &&
    (v.memberId === null || v.memberId === undefined || typeof v.memberId === 'string') &&
    (v.value === null || typeof v.value === 'string') && (v.asOf === null || typeof v.asOf === 'string')
  );
}

const NO_COVERAGE: Missing = { detail: 'answered with something that is no coverage', reason: 'BAD_RESPONSE' };
const ROSTER_SHORT: Missing = { detail: 'its roster does not yet have every member of the household', reason: 'ROSTER_BEHIND' };

/** One department's parts for the batch, or why it could not answer; never throws. */
async function askDepartment(peers: Peers, subgraph: string, caller: Caller, householdIds: string[], year: number, timeoutMs: number, evidence: boolean): Promise<Answer> {
  try {
    // The flag only when an exit is judged: ordinary reads neither ask for nor pay for the values.
    const { parts } = await peers.post<{ parts: unknown }>(subgraph, COVERAGE_PATH, caller, evidence ? { householdIds, year, evidence } : { householdIds, year }, timeoutMs);
    // An answer of another shape (a department mid-deploy) is no answer: never a crash, never "no gap".
    if (!Array.isArray(parts) || !parts.every(isCoveragePart)) return { unavailable: NO_COVERAGE };
    return { parts: new Map(parts.map((p) => [p.householdId, p])) };
  } catch (err) {
    return { unavailable: err instanceof PeerUnavailable ? { detail: err.reason, reason: err.code } : NO_COVERAGE };
  }
}

export interface CoverageRequest {
  em: EntityManager;
  peers: Peers;
  caller: Caller;
  povertyLines: Readonly<Record<number, number>>;
  timeoutMs: number;
}

/**
 * 两不愁三保障 and 五个一批 for households and a year, computed now: the registry's part here,
 * each department's part asked of the department (one call each, in parallel, for the whole
 * batch), which evaluates it over its own records and its roster replica. A department that
 * does not answer in time, or whose roster does not yet have the household as the registry
 * does, is listed as not consulted; its gaps are unknown and the household is not exit-eligible.
 */
export async function coverageOf(req: CoverageRequest, householdIds: string[], year: number, options: { evidence?: boolean } = {}): Promise<Map<string, HouseholdCoverage>> {
  const withEvidence = options.evidence === true;
  if (householdIds.length > COVERAGE_BATCH_LIMIT) {
    // A department answers at most COVERAGE_BATCH_LIMIT households a call.
    const chunks = [];
    for (let i = 0; i < householdIds.length; i += COVERAGE_BATCH_LIMIT) chunks.push(householdIds.slice(i, i + COVERAGE_BATCH_LIMIT));
    return new Map((await Promise.all(chunks.map((c) => coverageOf(req, c, year, options)))).flatMap((m) => [...m]));
  }
  const assessedAt = new Date();
  const departments = COVERAGE_SOURCES.filter((s) => s.source !== CoverageSource.REGISTRY);
  const [registry, ...answers] = await Promise.all([
    registryParts(req.em, householdIds, year, req.povertyLines, withEvidence),
    ...departments.map((d) => askDepartment(req.peers, d.subgraph, req.caller, householdIds, year, req.timeoutMs, withEvidence)),
  ]);
  const result = new Map<string, HouseholdCoverage>();
  for (const [householdId, own] of registry) {
    const parts = new Map<CoverageSource, PartOrMissing>([[CoverageSource.REGISTRY, own]]);
    departments.forEach((d, i) => {
      const answer = answers[i]!;
      // A household with nobody left in it on 31 December (the last member died) has no roster
      // rows in the year for a department to answer with: nothing to count, not a roster behind.
      const part = 'parts' in answer ? (answer.parts.get(householdId) ?? (own.members === 0 ? { ...own, batches: [], gaps: [], asOf: null } : undefined)) : undefined;
      const unavailable = 'unavailable' in answer ? answer.unavailable : !part || part.members < own.members ? ROSTER_SHORT : null;
      parts.set(d.source as CoverageSource, unavailable ? { ...unavailable, department: d.subgraph } : part!);
    });
    result.set(householdId, combine(parts, year, assessedAt));
  }
  return result;
}

type PartOrMissing = CoveragePart | (Missing & { department: string });
const answered = (part: PartOrMissing | undefined): part is CoveragePart => part !== undefined && 'batches' in part;

function combine(parts: Map<CoverageSource, PartOrMissing>, year: number, assessedAt: Date): HouseholdCoverage {
  const consulted: CoverageConsulted[] = [];
  const gaps: CoverageGap[] = [];
  const evidence: ExitEvidenceValue[] = [];
  for (const [source, part] of parts) {
    if (!answered(part)) {
      consulted.push({ source, consulted: false, asOf: null, unavailableReason: part.detail, unavailable: { department: part.department, reason: part.reason } });
      continue;
    }
    const asOf = part.asOf ? new Date(part.asOf) : null;
    consulted.push({ source, consulted: true, asOf, unavailableReason: null });
    for (const g of part.gaps) gaps.push({ kind: g.kind, member: g.memberId ? { id: g.memberId } : null, detail: g.detail, source, asOf });
    for (const e of part.evidence ?? []) evidence.push({ rule: e.rule, memberId: e.memberId ?? null, field: e.field, value: e.value, source, asOf: e.asOf });
  }
  const batches: CoverageBatch[] = Object.values(Batch).map((batch) => {
    const sources = COVERAGE_SOURCES.filter((s) => s.batches.includes(batch)).map((s) => s.source as CoverageSource);
    const coveredBy = sources.filter((s) => {
      const part = parts.get(s);
      return answered(part) && part.batches.includes(batch);
    });
    const unknown = sources.some((s) => !answered(parts.get(s)));
    return { batch, covered: coveredBy.length > 0 ? true : unknown ? null : false, coveredBy, sources };
  });
  const complete = consulted.every((c) => c.consulted);
  return { year, batches, gaps, exitEligible: complete && gaps.every((g) => !BLOCKS_EXIT(g.kind)), consulted, assessedAt, evidence };
}

/**
 * The exit standard is 两不愁三保障 plus safe water (seed 000): a jobless household
 * (ZERO_EMPLOYMENT) is a four-zeros target and a work-list item, shown as a gap, but it does
 * not keep the household from exit (domain.md, "Gap rules").
 */
export const BLOCKS_EXIT = (kind: GapKind): boolean => kind !== GapKind.ZERO_EMPLOYMENT;
