import { PageArgs, PageInfo, READERS } from '@fupin/kit';
import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { HouseholdEntity } from '../household/household.entity.js';
import { Household } from '../household/household.type.js';
import type { Context } from '../loaders.js';
import type { RegionEntity } from '../region/region.entity.js';
import { Region } from '../region/region.type.js';
import { exitCandidates } from './exit-candidates.service.js';

@ArgsType()
class ExitCandidatesArgs extends PageArgs {
  @Field(() => Int, { description: 'The year whose exit standard is judged (the year of the exit)' })
  year!: number;
}

@ObjectType('ExitCandidateConnection', { description: 'Households to propose for exit: a page may hold fewer than asked and still have a next page' })
export class ExitCandidateConnection {
  @Field(() => [Household])
  nodes!: HouseholdEntity[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Households judged for this page (at most 500)' })
  scanned!: number;
}

@Resolver(() => Region)
export class ExitCandidatesResolver {
  @Authorized(...READERS)
  @FieldResolver(() => ExitCandidateConnection, {
    description: 'Households of this region and below, POOR or RELAPSED, with no open status change, whose coverage of the year is exit-eligible now (the village work list for proposing exits), by household number',
  })
  async exitCandidates(@Root() region: RegionEntity, @Args(() => ExitCandidatesArgs) args: ExitCandidatesArgs, @Ctx() ctx: Context): Promise<ExitCandidateConnection> {
    const request = { em: ctx.em, peers: ctx.peers, caller: ctx.caller, povertyLines: ctx.settings.FUPIN_POVERTY_LINES, timeoutMs: ctx.settings.FUPIN_COVERAGE_TIMEOUT_MS };
    const page = await exitCandidates(request, ctx.caller, region.code, args.year, args);
    for (const h of page.nodes) ctx.loaders.householdById.prime(h.id, h);
    return page;
  }
}
