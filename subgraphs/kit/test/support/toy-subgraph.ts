import { Migration } from '@mikro-orm/migrations';
import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, Directive, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { checkedReference } from '../../src/graphql/checked-references.js';
import { assertWritable, federatedSchema, ForbiddenError, NotFoundError, refuseRead, type SubgraphContext, type SubgraphDefinition } from '../../src/index.js';

// A subgraph of the kit's own, as small as a department: plots in villages, a write that checks
// jurisdiction, one that checks none, and a keyed entity whose references are checked.
class Migration20261205000002_plots extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table plot (id uuid primary key, village_code text not null, name text not null)`);
  }
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Plot {
  @Field(() => ID)
  id!: string;
}

@InputType()
class PlantInput {
  @Field()
  villageCode!: string;

  @Field()
  name!: string;
}

/** Lets a test hold a write inside its transaction (a request racing it). */
export const gate = { held: null as Promise<void> | null, entered: 0 };

async function plotRow(ctx: SubgraphContext, id: string): Promise<{ village_code: string; name: string } | undefined> {
  const [row] = await ctx.em.getConnection().execute<{ village_code: string; name: string }[]>('select village_code, name from plot where id = ?', [id]);
  return row;
}

@Resolver(() => Plot)
class PlotResolver {
  @Query(() => Number)
  plotCount(@Ctx() ctx: SubgraphContext): Promise<number> {
    return ctx.em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from plot').then(([r]) => r!.n);
  }

  @Authorized('ADMIN', 'COUNTY_OFFICER', 'CASEWORKER')
  @Mutation(() => PlotAnswer)
  async plantPlot(@Arg('input') input: PlantInput, @Ctx() ctx: SubgraphContext): Promise<PlotAnswer> {
    assertWritable(ctx.caller, input.villageCode, 'the village');
    gate.entered++;
    await gate.held;
    const id = randomUUID();
    await ctx.em.getConnection().execute('insert into plot values (?, ?, ?)', [id, input.villageCode, input.name], 'run', ctx.em.getTransactionContext());
    return { id, name: input.name };
  }

  /** Judged in no region of its own: a replay is judged over the first caller's region. */
  @Authorized('ADMIN')
  @Mutation(() => Number)
  async countPlots(@Ctx() ctx: SubgraphContext): Promise<number> {
    const [r] = await ctx.em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from plot', [], 'all', ctx.em.getTransactionContext());
    return r!.n;
  }

  @FieldResolver(() => String)
  async name(@Root() plot: Plot, @Ctx() ctx: SubgraphContext): Promise<string> {
    return (await plotRow(ctx, plot.id))?.name ?? '?';
  }

  /** Fails for every plot: its error stays only where the plot is sent. */
  @FieldResolver(() => String, { nullable: true })
  broken(): string {
    throw new ForbiddenError('broken is never readable');
  }
}

@ObjectType()
class PlotAnswer {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

/** The plot's village in the caller's jurisdiction (refused and audited if not); a plot named "boom" fails as a database would. */
async function visiblePlot(ctx: SubgraphContext, id: string): Promise<void> {
  const row = await plotRow(ctx, id);
  if (!row) throw new NotFoundError('no such plot');
  if (row.name === 'boom') throw new Error('relation "secret_table" does not exist');
  if (!row.village_code.startsWith(ctx.caller.regionCode.replace(/0+$/, ''))) await refuseRead(ctx, 'Plot', id, 'plot is outside your jurisdiction');
}

export const toySubgraph: SubgraphDefinition<Record<string, never>> = {
  name: 'toy',
  entities: [],
  migrations: [{ name: 'Migration20261205000002_plots', class: Migration20261205000002_plots }],
  loaders: () => ({}),
  schema: federatedSchema(
    'toy',
    { resolvers: [PlotResolver], orphanedTypes: [Plot] },
    {
      Plot: {
        __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => {
          if (ref.id === 'thrown') return Promise.reject(new ForbiddenError('this reference throws itself'));
          return checkedReference({ id: ref.id }, visiblePlot(ctx, ref.id));
        },
      },
    },
  ),
};
