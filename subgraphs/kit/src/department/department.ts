import type { Constructor, MigrationObject } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { NonEmptyArray } from 'type-graphql';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { READERS } from '../auth/authorize.js';
import type { Department } from '../auth/caller.js';
import type { DepartmentImport } from '../bulk/department-import.js';
import type { RosterDemo } from '../bulk/roster-demo.js';
import type { CoverageOf } from '../household-coverage/coverage-route.js';
import { fourZerosStub, resolveFourZerosReference } from '../four-zeros/four-zeros.js';
import { type FourZerosFigure, warmFigures } from '../four-zeros/figures.js';
import type { SubgraphContext } from '../context.js';
import { federatedSchema } from '../graphql/federation.js';
import { visibleHouseholdRef, visibleMemberRef } from '../roster/roster.js';
import { checkedReference } from '../graphql/checked-references.js';
import { isUuid } from '../domain/ids.js';
import { listedSubgraph } from '../hub/subgraph-list.js';
import type { SettingsSchema, SubgraphDefinition } from '../server/subgraph.js';

/** What a department resolver receives for the registry's `Member` or `Household`: the key. */
export interface EntityKey {
  id: string;
}

/** A key stub of an entity the registry owns, which this department extends with fields. */
function keyStub(name: 'Member' | 'Household') {
  // No description: the registry's own describes the type in the supergraph.
  @ObjectType(name)
  @Directive('@key(fields: "id")')
  class KeyStub implements EntityKey {
    @Field(() => ID)
    id!: string;
  }
  return KeyStub;
}

/**
 * What every work-list entry says (a household's or a member's): who, and where. A
 * department's entry extends one and adds its own why.
 */
function workListEntries(Member: ReturnType<typeof keyStub>, Household: ReturnType<typeof keyStub>) {
  // Base classes only: a department's entry type extends one, under its own name.
  @ObjectType()
  class HouseholdEntry {
    @Field(() => Household)
    household!: EntityKey;

    @Field(() => ID, { description: 'The village of the household' })
    villageCode!: string;
  }

  @ObjectType()
  class MemberEntry {
    @Field(() => Member)
    member!: EntityKey;

    @Field(() => Household)
    household!: EntityKey;

    @Field(() => ID, { description: 'The village of the household' })
    villageCode!: string;
  }
  return { HouseholdEntry, MemberEntry };
}

/** A work-list row's who and where, from the roster's columns. */
export const householdEntry = (row: { household_id: string; village_code: string }) => ({ household: { id: row.household_id }, villageCode: row.village_code });
export const memberEntry = (row: { member_id: string; household_id: string; village_code: string }) => ({ member: { id: row.member_id }, ...householdEntry(row) });

export interface DepartmentParts<L> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: Constructor<any>[];
  migrations: MigrationObject[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql takes resolver classes
  resolvers: NonEmptyArray<Function>;
  loaders(em: EntityManager): L;
  /** `Type.field`s holding personal data (health records...): listed in the permission snapshot. */
  personalData?: string[];
  /** The department's own settings, parsed (with every problem listed) when it starts. */
  settings?: SettingsSchema;
  /** Annual lists keyed by ID number (`npm run import -- <name> <list> file.csv`); loaded only by the tools. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  imports?: () => Promise<Record<string, DepartmentImport<any>>>;
  /** Its part of households' coverage for a year: the batches it covers and the gaps it finds (`COVERAGE_SOURCES`). */
  coverage?: CoverageOf;
  /**
   * It adds a count to a region's four zeros: its rule, kept per household and year, which a
   * field resolver of its own on `department.FourZeros` reads through `ctx.fourZeros`.
   */
  fourZeros?: FourZerosFigure;
  /** The demo generator (one person, one household); loaded only when demo data is made. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  demo?: () => Promise<RosterDemo<any>>;
}

/**
 * A department subgraph on the kit: its own database with the registry's roster replicated
 * into it, the registry's `Member` and `Household` to extend (references check jurisdiction
 * against the roster's village), its readers and writers, the audit log, the schema built
 * once. The department writes what is its own: entities, rules, resolvers, tests.
 *
 *     export const department = defineDepartment('health-insurance', 'HEALTH_INSURANCE');
 *     @Resolver(() => department.Member) class MemberResolver { @Authorized(...department.readers) ... }
 *     export default department.subgraph({ entities, migrations, resolvers, loaders });
 */
export function defineDepartment(name: string, code: Department) {
  // The list is where a code comes from: a department whose code differs from its entry would
  // write rules no token could ever satisfy.
  const listed = listedSubgraph(name).department;
  if (listed !== code) throw new Error(`${name}: its department code is ${code}, but subgraphs/subgraphs.json lists ${listed ?? 'none'}`);
  const Member = keyStub('Member');
  const Household = keyStub('Household');
  const FourZeros = fourZerosStub();
  return {
    name,
    code,
    Member,
    Household,
    /** A region's four zeros for a year, to add the count this department owns to. */
    FourZeros,
    /** Base classes of its work lists' entries: `household` and `villageCode`, and `member`. */
    ...workListEntries(Member, Household),
    /** Its records are personal data: the registry's readers and this department's officers. */
    readers: [...READERS, `DEPARTMENT_OFFICER:${code}`] as const,
    /** The department writes its own records; ADMIN may act for it. */
    writers: ['ADMIN', `DEPARTMENT_OFFICER:${code}`] as const,
    subgraph<L>(parts: DepartmentParts<L>): SubgraphDefinition<L> {
      const demo = parts.demo;
      return {
        name,
        department: code,
        roster: true,
        entities: parts.entities,
        migrations: parts.migrations,
        loaders: parts.loaders,
        personalData: parts.personalData ?? [],
        ...(parts.settings ? { settings: parts.settings } : {}),
        schema: federatedSchema(
          name,
          // The registry's entities it extends: no query of its own returns them.
          { resolvers: parts.resolvers, orphanedTypes: [Member, Household, ...(parts.fourZeros ? [FourZeros] : [])] },
          {
            // Answered at once, the jurisdiction checked in the same statement as the fields' reads.
            Member: { __resolveReference: (ref: EntityKey, ctx: SubgraphContext) => (isUuid(ref.id) ? checkedReference({ id: ref.id }, visibleMemberRef(ctx, ref.id)) : null) },
            Household: { __resolveReference: (ref: EntityKey, ctx: SubgraphContext) => (isUuid(ref.id) ? checkedReference({ id: ref.id }, visibleHouseholdRef(ctx, ref.id)) : null) },
            ...(parts.fourZeros ? { FourZeros: { __resolveReference: resolveFourZerosReference } } : {}),
          },
        ),
        ...(parts.imports ? { imports: parts.imports } : {}),
        ...(parts.coverage ? { coverage: parts.coverage } : {}),
        ...(parts.fourZeros ? { fourZeros: parts.fourZeros, upkeep: (em: EntityManager, settings: Record<string, unknown>) => warmFigures(em, parts.fourZeros!, settings) } : {}),
        ...(demo
          ? {
              demo: async (options) => {
                const { loadRosterDemo } = await import('../bulk/roster-demo.js');
                return loadRosterDemo(name, await demo(), options);
              },
            }
          : {}),
      };
    },
  };
}
