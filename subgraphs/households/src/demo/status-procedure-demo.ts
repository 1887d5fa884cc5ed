import { copyLine } from '@fupin/kit/bulk';
import { createHash } from 'node:crypto';
import type { GeneratedHousehold } from './registry-generator.js';

/**
 * The demo county's status changes through their procedure, so every step has households in
 * it: in each village the first POOR households are published (NOTICE), waiting for the
 * township (TOWNSHIP), waiting for the county (COUNTY) and rejected (REJECTED), and the first
 * household lifted has its exit approved (APPROVED) as its status history has it. Nothing else
 * of the registry changes: statuses, histories and totals are the generator's.
 */
export const PROPOSAL_COLUMNS =
  'status_change_proposal (id, household_id, from_status, to_status, effective_date, reason, step, proposed_by, proposed_at, notice_ends_on, reviewed_by, reviewed_at, review_reason, decided_by, decided_at, decision_reason, step_since)';

const OPEN_STEPS = ['NOTICE', 'TOWNSHIP', 'COUNTY', 'REJECTED'] as const;

const DAY = 86_400_000;
const at = (d: Date | null) => d && d.toISOString();
const dayOf = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
/** A stable id per household and step, so a seed gives the same proposals every time. */
const idOf = (householdId: string, what: string) => {
  const h = createHash('sha256').update(`${householdId}/${what}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export class DemoProcedure {
  private readonly poorSeen = new Map<string, number>();
  private readonly approvedIn = new Set<string>();

  constructor(
    private readonly now = new Date(),
    private readonly noticeDays = 5,
  ) {}

  /** The COPY lines of the proposals of a batch of generated households. */
  lines(batch: GeneratedHousehold[]): string[] {
    const lines: string[] = [];
    for (const { household: h, history } of batch) {
      const village = h.villageCode;
      if (h.status === 'POOR') {
        const n = this.poorSeen.get(village) ?? 0;
        this.poorSeen.set(village, n + 1);
        const step = OPEN_STEPS[n];
        if (step) lines.push(this.open(h.id, step, n));
        continue;
      }
      const exit = history.find((e) => e.status === 'LIFTED');
      if (exit && !this.approvedIn.has(village)) {
        this.approvedIn.add(village);
        const decided = new Date(`${exit.effectiveDate}T10:00:00+08:00`);
        const proposed = new Date(decided.getTime() - 20 * DAY);
        const reviewed = new Date(decided.getTime() - 10 * DAY);
        lines.push(
          copyLine([
            idOf(h.id, 'APPROVED'), h.id, exit.previousStatus, 'LIFTED', exit.effectiveDate, exit.reason, 'APPROVED', 'demo-village', at(proposed),
            dayOf(new Date(proposed.getTime() + this.noticeDays * DAY)), 'demo-township', at(reviewed), '乡镇审核通过', 'demo-county', at(decided), '县级审定', at(decided),
          ]),
        );
      }
    }
    return lines;
  }

  /** A proposed exit of a POOR household at `step`, the later steps proposed longer ago. */
  private open(householdId: string, step: (typeof OPEN_STEPS)[number], n: number): string {
    const proposed = new Date(this.now.getTime() - (step === 'NOTICE' ? 1 : 10 + 5 * n) * DAY);
    const noticeEnds = dayOf(new Date(proposed.getTime() + this.noticeDays * DAY));
    const reviewed = step === 'COUNTY' || step === 'REJECTED' ? new Date(proposed.getTime() + (this.noticeDays + 2) * DAY) : null;
    const rejected = step === 'REJECTED';
    return copyLine([
      idOf(householdId, step), householdId, 'POOR', 'LIFTED', dayOf(proposed), '民主评议 拟脱贫', step === 'TOWNSHIP' ? 'NOTICE' : step, 'demo-village', at(proposed), noticeEnds,
      reviewed ? 'demo-township' : null, at(reviewed), reviewed ? (rejected ? '收入核实不足 退回' : '乡镇审核通过') : null,
      null, null, null, at(reviewed ?? proposed),
    ]);
  }
}
