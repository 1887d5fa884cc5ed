import { fenToDecimal, isIsoDate, parseYuan } from '@fupin/kit';
import type { DepartmentImport } from '@fupin/kit/bulk';
import { GrantProgram } from './grant.enums.js';
import { grantProblem } from './grant.service.js';

interface GrantRow {
  program: GrantProgram;
  amount: number;
  paidOn: string;
}

const PROGRAMS = new Set<string>(Object.values(GrantProgram));

/**
 * A grants payment list (资助发放名单): `id_number,program,amount,paid_on`. Grants accumulate,
 * but a list imported twice must not pay twice: a payment already recorded (same person,
 * programme, day and amount) is not written again.
 */
export const grantListImport: DepartmentImport<GrantRow> = {
  description: 'education grants paid (one row per payment)',
  columns: ['program', 'amount', 'paid_on'],
  parse(row) {
    if (!PROGRAMS.has(row.program!)) return `program must be one of ${[...PROGRAMS].join(', ')}`;
    const amount = parseYuan(row.amount);
    if (amount === null) return 'amount is yuan with at most two decimals';
    if (!isIsoDate(row.paid_on!)) return 'paid_on is a date YYYY-MM-DD';
    const problem = grantProblem({ amount, paidOn: row.paid_on! });
    if (problem) return problem.message;
    return { program: row.program as GrantProgram, amount, paidOn: row.paid_on! };
  },
  key: (r) => `${r.program}/${r.paidOn}`,
  staging: {
    columns: 'program text, amount numeric(14,2), paid_on date',
    values: (r) => [r.program, fenToDecimal(r.amount), r.paidOn],
  },
  apply: `
    insert into education_grant (id, member_id, program, amount, paid_on, recorded_at, recorded_by)
    select gen_random_uuid(), m.member_id, m.program, m.amount, m.paid_on, now(), $1 from matched m
     where not exists (select 1 from education_grant g
                        where g.member_id = m.member_id and g.program = m.program and g.paid_on = m.paid_on and g.amount = m.amount)`,
};
