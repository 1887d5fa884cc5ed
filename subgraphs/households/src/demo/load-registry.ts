import { fenToDecimal, PersonalDataCipher } from '@fupin/kit';
import { copyInto, copyLine, copyPipelined, dropSecondaryIndexes, ProgressBar, yieldToEventLoop } from '@fupin/kit/bulk';
import pg from 'pg';
import { FILL_ROSTER } from '../roster/fill-roster.sql.js';
import { VILLAGE_FIGURES_LOCK } from '../four-zeros/four-zeros.loader.js';
import { generateHouseholds, planRegions, type GeneratedHousehold } from './registry-generator.js';
import { DemoProcedure, PROPOSAL_COLUMNS } from './status-procedure-demo.js';

export interface SeedOptions {
  households: number;
  seed: number;
  /** Empties the registry first; without it a registry that has households is refused. */
  replace?: boolean;
  /** The hub's personal-data key: ID numbers are stored sealed, as the subgraph stores them. */
  piiKey: string;
  progress?: boolean;
}

export interface SeedReport {
  regions: number;
  households: number;
  members: number;
  seconds: number;
}

const pgArray = (items: string[]) => `{${items.join(',')}}`;

const TABLES = ['roster', 'status_change_objection', 'status_change_proposal', 'member_change', 'household_change', 'household_status_change', 'household_income', 'member', 'household', 'region_rural_population', 'region'];

/**
 * Fills the registry database with a generated county through COPY, in one transaction:
 * either the whole county lands or nothing does. Rows stream in batches, so memory stays
 * flat at any scale.
 */
export async function seedRegistry(databaseUrl: string, options: SeedOptions): Promise<SeedReport> {
  const started = Date.now();
  const pii = new PersonalDataCipher(options.piiKey);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    // The four zeros' village figures are built again on the next read. First, after the
    // refreshers (their lock) and before the roster is locked: a refresh holding them reads it.
    await client.query(`select pg_advisory_xact_lock(${VILLAGE_FIGURES_LOCK})`);
    await client.query('truncate village_figure_year, village_figure_stale, village_figure');
    const { rows } = await client.query<{ n: string }>('select count(*) as n from household');
    if (Number(rows[0]!.n) > 0) {
      if (!options.replace) throw new Error(`the registry already has ${rows[0]!.n} households; pass --replace to empty it first`);
      // The status history refuses deletes row by row; truncating the whole registry is the deliberate exception.
      await client.query(`truncate ${TABLES.join(', ')}`);
    }
    await client.query('set local synchronous_commit = off');
    const rebuildIndexes = await dropSecondaryIndexes(client, TABLES);
    // The roster is filled once at the end, not by a trigger per row.
    await client.query('alter table member disable trigger roster_sync');
    await client.query('alter table member disable trigger roster_sync_membership');
    await client.query('alter table household disable trigger roster_sync');
    const plan = planRegions(options.households, options.seed);
    await copyInto(client, 'region (code, name, level, parent_code, is_poverty_village, poverty_village_exit_year)',
      plan.regions.map((r) => copyLine([r.code, r.name, r.level, r.parentCode, r.isPovertyVillage, r.povertyVillageExitYear])));

    const bar = options.progress ? new ProgressBar('households', options.households, 'households') : null;
    const batches = batched(generateHouseholds(plan, options.seed), 5000);
    const procedure = new DemoProcedure();
    let members = 0;
    await copyPipelined(
      client,
      batches,
      async (batch) => {
        const memberLines: string[] = [];
        for (let k = 0; k < batch.length; k++) {
          // Sealing is the CPU-heavy part (AES-GCM per number): let the previous COPY stream.
          if (k % 250 === 0) await yieldToEventLoop();
          for (const m of batch[k]!.members) {
            const s = pii.seal(m.idNumber);
            memberLines.push(copyLine([m.id, m.householdId, m.position, m.name, s.idNumberEncrypted, s.idNumberIndex, s.idNumberMasked, m.gender, m.birthDate, m.relationToHead, m.healthStatus, m.disabilityGrade, m.laborCapacity]));
          }
        }
        members += memberLines.length;
        return [
          {
            target: 'household (id, household_number, village_code, type, status, identified_year, main_cause, other_causes, safe_drinking_water, helper)',
            lines: batch.map(({ household: h }) => copyLine([h.id, h.householdNumber, h.villageCode, h.type, h.status, h.identifiedYear, h.mainCause, pgArray(h.otherCauses), h.safeDrinkingWater, h.helper])),
          },
          { target: 'member (id, household_id, position, name, id_number_encrypted, id_number_index, id_number_masked, gender, birth_date, relation_to_head, health_status, disability_grade, labor_capacity)', lines: memberLines },
          { target: 'household_income (household_id, year, income_per_capita)', lines: batch.flatMap((g) => g.incomes.map((i) => copyLine([i.householdId, i.year, fenToDecimal(i.fen)]))) },
          {
            target: 'household_status_change (household_id, previous_status, status, effective_date, reason, changed_by)',
            lines: batch.flatMap((g) => g.history.map((s) => copyLine([s.householdId, s.previousStatus, s.status, s.effectiveDate, s.reason, 'seed']))),
          },
          // After its households: each proposal references one.
          { target: PROPOSAL_COLUMNS, lines: procedure.lines(batch) },
        ];
      },
      (batch) => bar?.tick(batch.length),
    );
    bar?.finish();
    // Nothing to mark while the roster fills: the figures are built from all of it.
    await client.query('alter table roster disable trigger village_figure_stale');
    await client.query('alter table roster disable trigger roster_ever_poor');
    await client.query(FILL_ROSTER);
    // Registered poor (建档立卡) in one statement, not a lookup per row.
    await client.query(`update roster r set ever_poor = true where r.household_id in (select household_id from household_status_change where status = 'POOR')`);
    await client.query('alter table roster enable trigger roster_ever_poor');
    await client.query('alter table roster enable trigger village_figure_stale');
    await client.query('alter table member enable trigger roster_sync');
    await client.query('alter table member enable trigger roster_sync_membership');
    await client.query('alter table household enable trigger roster_sync');
    await rebuildIndexes();
    await client.query('commit');
    await client.query('analyze');
    return { regions: plan.regions.length, households: options.households, members, seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}

function* batched(source: Iterable<GeneratedHousehold>, size: number): Generator<GeneratedHousehold[]> {
  let batch: GeneratedHousehold[] = [];
  for (const item of source) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
