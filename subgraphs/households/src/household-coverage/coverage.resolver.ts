import { READERS, reportDepartmentUnavailable, requireRegistryYear } from '@fupin/kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { HouseholdEntity } from '../household/household.entity.js';
import { Household } from '../household/household.type.js';
import type { Context } from '../loaders.js';
import { coverageLoader } from './coverage.loader.js';
import { CoverageGap, ExitEvidence, ExitEvidenceValue, HouseholdCoverage } from './coverage.type.js';
import type { MemberEntity } from '../member/member.entity.js';
import { Member } from '../member/member.type.js';

@Resolver(() => Household)
export class CoverageResolver {
  @Authorized(...READERS)
  @FieldResolver(() => HouseholdCoverage, {
    nullable: true,
    description: "The five batches and the gaps against the exit standard for the year, computed now from the registry's and each department's own data, with whose data says what",
  })
  async coverage(@Root() household: HouseholdEntity, @Arg('year', () => Int) year: number, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<HouseholdCoverage | null> {
    requireRegistryYear(year);
    const coverage = await coverageLoader(ctx).load({ householdId: household.id, year });
    // Its gaps and exitEligible stand as far as they are known; errors say whose part is missing.
    for (const { unavailable, unavailableReason } of coverage?.consulted ?? []) {
      if (unavailable) reportDepartmentUnavailable(ctx, info, unavailable.department, unavailable.reason, unavailableReason!);
    }
    return coverage;
  }
}

@Resolver(() => CoverageGap)
export class CoverageGapResolver {
  /** The member a gap is about, as the registry has them (one query for every gap of the page). */
  @FieldResolver(() => Member, { nullable: true })
  member(@Root() gap: CoverageGap, @Ctx() ctx: Context): Promise<MemberEntity | null> | null {
    return gap.member ? ctx.loaders.memberById.load(gap.member.id) : null;
  }
}

@Resolver(() => ExitEvidence)
export class ExitEvidenceResolver {
  @FieldResolver(() => [ExitEvidenceValue], { description: 'The values each rule read, with their source and as-of (empty for an exit kept before values were)' })
  values(@Root() evidence: ExitEvidence): ExitEvidenceValue[] {
    return evidence.values ?? [];
  }
}

@Resolver(() => ExitEvidenceValue)
export class ExitEvidenceValueResolver {
  /** The member a value is about, as the registry has them (one query for every value of the page). */
  @FieldResolver(() => Member, { nullable: true })
  member(@Root() value: ExitEvidenceValue, @Ctx() ctx: Context): Promise<MemberEntity | null> | null {
    return value.memberId ? ctx.loaders.memberById.load(value.memberId) : null;
  }
}
