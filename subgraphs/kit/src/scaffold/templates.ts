// The files of a new department subgraph. What they hold is the pattern every department
// follows on the kit; a developer renames the record and adds their own rules.

export interface Names {
  /** `education-aid` */
  name: string;
  /** `EDUCATION_AID` */
  department: string;
  /** The record's concept in kebab case: `education-aid`, or `--record schooling`. */
  concept: string;
  defaultPort: number;
  /** `20261202101500` */
  timestamp: string;
  /** Versions of the packages a subgraph depends on, as the kit pins them. */
  versions: Record<string, string>;
  /** Whose record it is: one per person and year (the default) or per household and year (`--per household`). */
  per?: 'member' | 'household';
  /** Another department's code, for the generated test that it may neither write nor read. */
  otherDepartment: string;
}

const pascal = (kebab: string) => kebab.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
const camel = (kebab: string) => kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snake = (kebab: string) => kebab.replaceAll('-', '_');

export function subgraphFiles(n: Names): Record<string, string> {
  const C = pascal(n.concept);
  const c = camel(n.concept);
  const table = snake(n.concept);
  const migration = `Migration${n.timestamp}_${snake(n.name)}`;
  const api = camel(n.name);
  const dir = n.concept;
  // Per member or per household: the key, its column, the registry's type it extends.
  const perHousehold = n.per === 'household';
  const key = perHousehold ? 'householdId' : 'memberId';
  const keyColumn = perHousehold ? 'household_id' : 'member_id';
  const Owner = perHousehold ? 'Household' : 'Member';
  const owner = perHousehold ? 'household' : 'member';
  const whose = perHousehold ? 'household' : 'person';
  const deps = (names: string[]) => Object.fromEntries(names.map((p) => [p, n.versions[p] ?? '0.1.0']));
  return {
    'package.json': `${JSON.stringify(
      {
        name: `@fupin/${n.name}`,
        version: '0.1.0',
        private: true,
        type: 'module',
        exports: { '.': { '@fupin/source': './src/index.ts', default: './dist/src/index.js' } },
        scripts: {
          build: 'node ../../tools/build.mjs',
          typecheck: 'tsc --noEmit -p .',
          test: 'node --experimental-vm-modules ../../node_modules/jest/bin/jest.js',
          start: 'node ../kit/dist/src/server/main.js',
          import: `(cd ../.. && turbo run build --output-logs=errors-only > /dev/null) && node ../../infra/hub/dist/src/import.js ${n.name}`,
          lint: 'eslint --max-warnings 0 .',
        },
        dependencies: deps(['@fupin/kit', '@mikro-orm/core', '@mikro-orm/decorators', '@mikro-orm/migrations', '@mikro-orm/postgresql', 'graphql', 'graphql-scalars', 'reflect-metadata', 'type-graphql']),
        devDependencies: deps(['@fupin/gateway']),
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': `{ "extends": "../../tsconfig.base.json", "include": ["src", "test", "migrations"] }\n`,
    'jest.config.mjs': `export { withDatabase as default } from '../../tools/jest.preset.mjs';\n`,
    'README.md': `# ${n.name} — a department subgraph

Made with \`npm run subgraph:new -- ${n.name} --department ${n.department}\` on the department kit
(\`subgraphs/kit\`): its own database, the registry's roster replicated into it, the registry's
\`Member\` and \`Household\` to extend, its audit log on \`auditLogs { ${api} }\`. Writes:
\`ADMIN\` and \`DEPARTMENT_OFFICER\` of \`${n.department}\` in their region; reads: the registry's
readers and this department.

| variable | default | meaning |
| --- | --- | --- |
| \`DATABASE_URL\` | (required) | this subgraph's own database (owner); migrations at start |
| \`ROSTER_SOURCE_URL\` | (required) | the registry's database as its roster reader (\`<registry database>_roster\`: REPLICATION and SELECT on roster only), for the roster subscription |
| \`ROSTER_WAIT_MS\` | \`3000\` | how long a write waits for a registration not yet replicated |
| \`FUPIN_GATEWAY_SECRET\` | (required) | requests without the gateway's signature are refused |
| \`FUPIN_BLIND_INDEX_KEY\` | (required) | the blind-index key the hub derives from its personal-data key: ID numbers in imports are matched by it; a department is never given \`FUPIN_PII_KEY\` (a start with it is refused) |
| \`PORT\` | \`${n.defaultPort}\` | alone; under \`npm start\`: \`${snake(n.name).toUpperCase()}_PORT\` |
| \`HOST\` | \`127.0.0.1\` | |

- \`src/${dir}/\`: \`${c}\` per ${whose} and year (\`record${C}\` replaces the year's record).
- \`src/${owner}/\`: \`${Owner}.${c}(year)\`, batched per year.
- \`src/demo/\`: demo records over the roster (\`npm start\`, \`npm run seed\`).
- \`test/\`: through the gateway, with every subgraph of the hub.

Tables: \`${table}\` (${owner}, year), the kit's \`audit_log\` and \`roster\`.
`,
    'src/department.ts': `import { defineDepartment } from '@fupin/kit';

/** The ${n.name} department: the registry's Member and Household to extend, its readers and writers. */
export const department = defineDepartment('${n.name}', '${n.department}');
export const { Member, Household } = department;
`,
    'src/loaders.ts': `import type { SubgraphContext } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ${c}Loaders } from './${dir}/${dir}.loader.js';

export function createLoaders(em: EntityManager) {
  return { ...${c}Loaders(em) };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type Context = SubgraphContext<Loaders>;
`,
    'src/index.ts': `import 'reflect-metadata';
import { ${migration} } from '../migrations/${migration}.js';
import { ${C}Entity } from './${dir}/${dir}.entity.js';
import { ${C}Resolver } from './${dir}/${dir}.resolver.js';
import { department } from './department.js';
import { createLoaders } from './loaders.js';
import { ${Owner}Resolver } from './${owner}/${owner}.resolver.js';

export const ${api} = department.subgraph({
  entities: [${C}Entity],
  migrations: [{ name: '${migration}', class: ${migration} }],
  resolvers: [${C}Resolver, ${Owner}Resolver],
  loaders: createLoaders,
  personalData: ['${Owner}.${c}'],
  demo: async () => (await import('./demo/${n.name}.demo.js')).${api}Demo,
});

export default ${api};
`,
    [`src/${dir}/${dir}.entity.ts`]: `import { type Fen, FenType, RecordedEntity } from '@fupin/kit';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** One ${whose}'s record for one year; recorded again for the year, it is replaced. */
@Entity({ tableName: '${table}' })
export class ${C}Entity extends RecordedEntity {
  @PrimaryKey({ type: 'uuid' })
  ${key}!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: FenType })
  amount!: Fen;

  @Property({ type: 'string' })
  note!: string;
}
`,
    [`src/${dir}/${dir}.type.ts`]: `import { type Fen, MoneyScalar } from '@fupin/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('${C}', { description: "A ${whose}'s ${n.concept} record for one year" })
export class ${C} {
  @Field(() => Int)
  year!: number;

  @Field(() => MoneyScalar, { description: 'In yuan, exact to the fen' })
  amount!: Fen;

  @Field()
  note!: string;

  @Field(() => DateTimeResolver, { description: 'When it was last recorded' })
  recordedAt!: Date;
}
`,
    [`src/${dir}/record-${dir}.input.ts`]: `import { type Fen, MoneyScalar } from '@fupin/kit';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class Record${C}Input {
  @Field(() => ID)
  ${key}!: string;

  @Field(() => Int, { description: 'Recorded again for the year, it replaces' })
  year!: number;

  @Field(() => MoneyScalar, { description: 'Not negative, at most two decimals' })
  amount!: Fen;

  @Field({ description: '1 to 200 characters' })
  note!: string;
}
`,
    [`src/${dir}/${dir}.service.ts`]: `import { BadUserInputError, type Caller, requireRegistryYear, requireText, type Roster } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ${C}Entity } from './${dir}.entity.js';
import type { Record${C}Input } from './record-${dir}.input.js';

export async function record${C}(em: EntityManager, roster: Roster, input: Record${C}Input, caller: Caller): Promise<${C}Entity> {
  requireRegistryYear(input.year);
  if (input.amount < 0) throw new BadUserInputError('amount must not be negative', { field: 'amount' });
  const note = requireText(input.note, 'note', 200);
  // NOT_FOUND, ROSTER_BEHIND (retryable) or FORBIDDEN outside the writer's jurisdiction.
  ${perHousehold ? 'await roster.requireWritableHousehold(em, input.householdId, caller);' : 'const member = await roster.requireWritableMember(em, input.memberId, caller);'}
  // Recorded again for the same year, it replaces: an update, never an error.
  return em.upsert(${C}Entity, { ${perHousehold ? 'householdId: input.householdId' : 'memberId: member.memberId'}, year: input.year, amount: input.amount, note, recordedAt: new Date(), recordedBy: caller.subject });
}
`,
    [`src/${dir}/${dir}.resolver.ts`]: `import { rosterOf } from '@fupin/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { department } from '../department.js';
import type { Context } from '../loaders.js';
import type { ${C}Entity } from './${dir}.entity.js';
import { record${C} } from './${dir}.service.js';
import { ${C} } from './${dir}.type.js';
import { Record${C}Input } from './record-${dir}.input.js';

@Resolver(() => ${C})
export class ${C}Resolver {
  @Authorized(...department.writers)
  @Mutation(() => ${C}, { description: "Records a ${whose}'s ${n.concept} for a year; recorded again for the year, it replaces" })
  record${C}(@Arg('input', () => Record${C}Input) input: Record${C}Input, @Ctx() ctx: Context): Promise<${C}Entity> {
    return record${C}(ctx.em, rosterOf(ctx), input, ctx.caller);
  }
}
`,
    [`src/${dir}/${dir}.loader.ts`]: `import { findRows, ${owner}YearLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ${C}Entity } from './${dir}.entity.js';

export function ${c}Loaders(em: EntityManager) {
  return {
    ${c}By${Owner}Year: ${owner}YearLoader((year, ids) => findRows(em, ${C}Entity, { year, ${key}: { $in: ids } }), (r) => r.${key}),
  };
}
`,
    [`src/${owner}/${owner}.resolver.ts`]: `import { type EntityKey, requireRegistryYear } from '@fupin/kit';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ${C}Entity } from '../${dir}/${dir}.entity.js';
import { ${C} } from '../${dir}/${dir}.type.js';
import { department, ${Owner} } from '../department.js';
import type { Context } from '../loaders.js';

@Resolver(() => ${Owner})
export class ${Owner}Resolver {
  @Authorized(...department.readers)
  @FieldResolver(() => ${C}, { nullable: true, description: 'The record of the year; null when there is none' })
  ${c}(@Root() ${owner}: EntityKey, @Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<${C}Entity | null> {
    requireRegistryYear(year);
    return ctx.loaders.${c}By${Owner}Year.load({ ${key}: ${owner}.id, year });
  }
}
`,
    [`src/demo/${n.name}.demo.ts`]: `import { fenToDecimal, todayInChina } from '@fupin/kit';
import type { RosterDemo } from '@fupin/kit/bulk';

/** Demo records over the roster: about a third of the ${whose === 'person' ? 'people' : 'households'}, for 2020 and this year. */
export const ${api}Demo: RosterDemo = {
  tables: { ${table}: ['${keyColumn}', 'year', 'amount', 'note'] },
  ${perHousehold ? 'household(members, r)' : 'member(person, r)'} {
    const years = [2020, Number(todayInChina().slice(0, 4))];
    return { ${table}: years.filter(() => r.chance(0.3)).map((year) => [${perHousehold ? 'members[0]!.householdId' : 'person.memberId'}, year, fenToDecimal(r.int(100, 5000) * 100), 'demo']) };
  },
};
`,
    [`migrations/${migration}.ts`]: `import { moneyColumn, RECORDED_COLUMNS, yearColumn } from '@fupin/kit';
import { Migration } from '@mikro-orm/migrations';

export class ${migration} extends Migration {
  override async up(): Promise<void> {
    this.addSql(\`
      create table ${table} (
        ${keyColumn} uuid not null,
        \${yearColumn()},
        \${moneyColumn('amount')},
        note text not null check (length(note) between 1 and 200),
        \${RECORDED_COLUMNS},
        primary key (${keyColumn}, year)
      )\`);
  }
}
`,
    [`test/${dir}.test.ts`]: perHousehold ? householdTest(n, C, c, table, api) : memberTest(n, C, c, table, api),
  };
}

/** The generated tests of a per-person record. */
function memberTest(n: Names, C: string, c: string, table: string, api: string): string {
  return `import { startHub, type TestGatewayHub } from '@fupin/gateway/testing';
import { errorCode, type GraphQLClient, seed } from '@fupin/kit/testing';

// Through the gateway, with every subgraph of the hub: the department's write, its field on
// the registry's Member, who may do what, and its audit log.
let hub: TestGatewayHub;
let officer: GraphQLClient;
let village: string;

const RECORD = \`mutation($input: Record${C}Input!) { record${C}(input: $input) { year amount note } }\`;
const VIEW = \`query($id: ID!, $year: Int!) { household(id: $id) { members { id ${c}(year: $year) { year amount note } } } }\`;
const rows = async () => (await hub.subgraphs['${n.name}']!.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from ${table}'))[0]!.n;

beforeAll(async () => {
  hub = await startHub();
  village = await seed(hub.client).village();
  officer = await hub.as('DEPARTMENT_OFFICER', village, '${n.department}');
});
afterAll(() => hub?.stop());

test('an officer records a member for a year; the household view shows it, and recording again replaces', async () => {
  const h = await seed(hub.client).household({ villageCode: village });
  const memberId = h.members[0]!.id;
  expect((await officer.data<{ record${C}: unknown }>(RECORD, { input: { memberId, year: 2020, amount: 1200.5, note: 'first' } })).record${C}).toEqual({ year: 2020, amount: 1200.5, note: 'first' });
  await officer.data(RECORD, { input: { memberId, year: 2020, amount: 300, note: 'again' } });
  const caseworker = await hub.as('CASEWORKER', village);
  const { household } = await caseworker.data<{ household: { members: { id: string; ${c}: unknown }[] } }>(VIEW, { id: h.id, year: 2020 });
  expect(household.members.find((m) => m.id === memberId)!.${c}).toEqual({ year: 2020, amount: 300, note: 'again' });
  expect(household.members.find((m) => m.id !== memberId)!.${c}).toBeNull();
});

test('bad input is refused with BAD_USER_INPUT and writes nothing', async () => {
  const h = await seed(hub.client).household({ villageCode: village });
  const before = await rows();
  for (const input of [{ amount: -1 }, { amount: 1.234 }, { year: 2013 }, { note: ' ' }]) {
    const res = await officer.request(RECORD, { input: { memberId: h.members[0]!.id, year: 2020, amount: 10, note: 'n', ...input } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  }
  expect(await rows()).toBe(before);
});

test('another department may neither write nor read it', async () => {
  const h = await seed(hub.client).household({ villageCode: village });
  const other = await hub.as('DEPARTMENT_OFFICER', village, '${n.otherDepartment}');
  expect(errorCode(await other.request(RECORD, { input: { memberId: h.members[0]!.id, year: 2020, amount: 10, note: 'n' } }))).toBe('FORBIDDEN');
  const read = await other.request<{ household: { members: { ${c}: unknown }[] } }>(VIEW, { id: h.id, year: 2020 });
  expect(errorCode(read)).toBe('FORBIDDEN');
  expect(read.data?.household.members[0]!.${c}).toBeNull();
});

test("an auditor reads this department's audit log through the gateway", async () => {
  const auditor = await hub.as('AUDITOR', '420115000000');
  const { auditLogs } = await auditor.data<{ auditLogs: { ${api}: { nodes: { action: string; outcome: string }[] } } }>(\`{ auditLogs { ${api}(first: 100) { nodes { action outcome } } } }\`);
  expect(auditLogs.${api}.nodes).toEqual(expect.arrayContaining([{ action: 'record${C}', outcome: 'ALLOWED' }, { action: 'record${C}', outcome: 'REFUSED' }]));
});
`;
}

/** The generated tests of a per-household record (\`--per household\`). */
function householdTest(n: Names, C: string, c: string, table: string, api: string): string {
  return `import { startHub, type TestGatewayHub } from '@fupin/gateway/testing';
import { errorCode, type GraphQLClient, seed } from '@fupin/kit/testing';

// Through the gateway, with every subgraph of the hub: the department's write, its field on
// the registry's Household, who may do what, and its audit log.
let hub: TestGatewayHub;
let officer: GraphQLClient;
let village: string;

const RECORD = \`mutation($input: Record${C}Input!) { record${C}(input: $input) { year amount note } }\`;
const VIEW = \`query($id: ID!, $year: Int!) { household(id: $id) { ${c}(year: $year) { year amount note } } }\`;
const rows = async () => (await hub.subgraphs['${n.name}']!.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from ${table}'))[0]!.n;

beforeAll(async () => {
  hub = await startHub();
  village = await seed(hub.client).village();
  officer = await hub.as('DEPARTMENT_OFFICER', village, '${n.department}');
});
afterAll(() => hub?.stop());

test('an officer records a household for a year; the household view shows it, and recording again replaces', async () => {
  const h = await seed(hub.client).household({ villageCode: village });
  const other = await seed(hub.client).household({ villageCode: village });
  expect((await officer.data<{ record${C}: unknown }>(RECORD, { input: { householdId: h.id, year: 2020, amount: 1200.5, note: 'first' } })).record${C}).toEqual({ year: 2020, amount: 1200.5, note: 'first' });
  await officer.data(RECORD, { input: { householdId: h.id, year: 2020, amount: 300, note: 'again' } });
  const caseworker = await hub.as('CASEWORKER', village);
  const view = (id: string) => caseworker.data<{ household: { ${c}: unknown } }>(VIEW, { id, year: 2020 });
  expect((await view(h.id)).household.${c}).toEqual({ year: 2020, amount: 300, note: 'again' });
  expect((await view(other.id)).household.${c}).toBeNull();
});

test('bad input is refused with BAD_USER_INPUT and writes nothing', async () => {
  const h = await seed(hub.client).household({ villageCode: village });
  const before = await rows();
  for (const input of [{ amount: -1 }, { amount: 1.234 }, { year: 2013 }, { note: ' ' }]) {
    const res = await officer.request(RECORD, { input: { householdId: h.id, year: 2020, amount: 10, note: 'n', ...input } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  }
  expect(await rows()).toBe(before);
});

test('another department may neither write nor read it', async () => {
  const h = await seed(hub.client).household({ villageCode: village });
  const other = await hub.as('DEPARTMENT_OFFICER', village, '${n.otherDepartment}');
  expect(errorCode(await other.request(RECORD, { input: { householdId: h.id, year: 2020, amount: 10, note: 'n' } }))).toBe('FORBIDDEN');
  const read = await other.request<{ household: { ${c}: unknown } }>(VIEW, { id: h.id, year: 2020 });
  expect(errorCode(read)).toBe('FORBIDDEN');
  expect(read.data?.household.${c} ?? null).toBeNull();
});

test("an auditor reads this department's audit log through the gateway", async () => {
  const auditor = await hub.as('AUDITOR', '420115000000');
  const { auditLogs } = await auditor.data<{ auditLogs: { ${api}: { nodes: { action: string; outcome: string }[] } } }>(\`{ auditLogs { ${api}(first: 100) { nodes { action outcome } } } }\`);
  expect(auditLogs.${api}.nodes).toEqual(expect.arrayContaining([{ action: 'record${C}', outcome: 'ALLOWED' }, { action: 'record${C}', outcome: 'REFUSED' }]));
});
`;
}
