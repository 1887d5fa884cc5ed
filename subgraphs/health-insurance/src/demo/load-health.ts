import { copyLine, copyPipelined, type DemoOptions, dropSecondaryIndexes, fenToDecimal, ProgressBar, Random, yieldToEventLoop } from '@fupin/kit';
import pg from 'pg';
import { generateHealth, healthCalendar, type RosterPerson } from './health-generator.js';

const TABLES = ['insurance_enrollment', 'medical_claim', 'family_doctor_contract'];
const PAGE = 20_000;

/**
 * The health department's demo records for everyone on the roster, through COPY in one
 * transaction; earlier records are replaced (the registry they belonged to may have been
 * replaced too). The audit log is left as it is.
 */
export async function loadHealthDemo(options: DemoOptions): Promise<string | null> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: options.databaseUrl });
  // Reads the roster (the registry's: the replica may still be catching up after a bulk
  // load) on a connection of its own, while the other COPYs.
  const reader = new pg.Client({ connectionString: options.rosterUrl ?? options.databaseUrl });
  await client.connect();
  await reader.connect();
  try {
    await client.query('begin');
    if (options.onlyIfUnused) {
      const used = await client.query(`select 1 from audit_log union all ${TABLES.map((t) => `select 1 from ${t}`).join(' union all ')} limit 1`);
      if (used.rowCount) {
        await client.query('rollback');
        return null;
      }
    }
    await client.query('set local synchronous_commit = off');
    await client.query(`truncate ${TABLES.join(', ')}`);
    const rebuildIndexes = await dropSecondaryIndexes(client, TABLES);
    const total = Number((await reader.query<{ n: string }>('select count(*) as n from roster')).rows[0]!.n);
    const bar = options.progress ? new ProgressBar('health records', total, 'members') : null;
    const r = new Random(options.seed ^ 0x4ea1);
    const calendar = healthCalendar(options.seed);
    const counts = { enrollments: 0, claims: 0, contracts: 0 };
    async function* pages() {
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const { rows } = await reader.query<RosterPerson>(
          `select member_id as "memberId", village_code as "villageCode", health_status as "healthStatus", household_type as "householdType"
             from roster where member_id > $1 order by member_id limit ${PAGE}`,
          [after],
        );
        if (!rows.length) return;
        yield rows;
        after = rows[rows.length - 1]!.memberId;
      }
    }
    await copyPipelined(
      client,
      pages(),
      async (rows) => {
        const enrollments: string[] = [];
        const claims: string[] = [];
        const contracts: string[] = [];
        for (let k = 0; k < rows.length; k++) {
          if (k % 1000 === 0) await yieldToEventLoop();
          const person = rows[k]!;
          const h = generateHealth(person, r, calendar);
          for (const e of h.enrollments) enrollments.push(copyLine([person.memberId, e.year, e.scheme, fenToDecimal(e.premium), fenToDecimal(e.subsidy), e.criticalIllnessCover, e.supplementaryCover, 'demo']));
          for (const c of h.claims) {
            claims.push(copyLine([c.id, person.memberId, c.date, c.hospital, c.kind, ...[c.totalCost, c.basicPaid, c.criticalIllnessPaid, c.supplementaryPaid, c.assistancePaid].map(fenToDecimal), c.oneStop, 'demo']));
          }
          for (const c of h.contracts) contracts.push(copyLine([person.memberId, c.year, c.doctorTeam, c.signedOn, 'demo']));
        }
        counts.enrollments += enrollments.length;
        counts.claims += claims.length;
        counts.contracts += contracts.length;
        return [
          { target: 'insurance_enrollment (member_id, year, scheme, premium, subsidy, critical_illness_cover, supplementary_cover, recorded_by)', lines: enrollments },
          { target: 'medical_claim (id, member_id, date, hospital, kind, total_cost, basic_paid, critical_illness_paid, supplementary_paid, assistance_paid, one_stop, recorded_by)', lines: claims },
          { target: 'family_doctor_contract (member_id, year, doctor_team, signed_on, recorded_by)', lines: contracts },
        ];
      },
      (rows) => bar?.tick(rows.length),
    );
    bar?.finish();
    await rebuildIndexes();
    await client.query('commit');
    await client.query(`analyze ${TABLES.join(', ')}`);
    return `health: ${counts.enrollments} enrollments, ${counts.claims} claims, ${counts.contracts} family-doctor contracts for ${total} members in ${((Date.now() - started) / 1000).toFixed(1)} s`;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    await client.end();
    await reader.end();
  }
}
