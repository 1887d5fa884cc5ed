import { type EntityKey, requireRegistryYear } from '@fupin/kit';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { department, Member } from '../department.js';
import type { GrantEntity } from '../grant/grant.entity.js';
import { EducationGrant } from '../grant/grant.type.js';
import type { Context } from '../loaders.js';
import type { SchoolingEntity } from '../schooling/schooling.entity.js';
import { Schooling } from '../schooling/schooling.type.js';

@Resolver(() => Member)
export class MemberResolver {
  @Authorized(...department.readers)
  @FieldResolver(() => Schooling, { nullable: true, description: 'Schooling in the school year starting in September of `year`; null when none is recorded' })
  schooling(@Root() member: EntityKey, @Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<SchoolingEntity | null> {
    requireRegistryYear(year);
    return ctx.loaders.schoolingByMemberYear.load({ memberId: member.id, year });
  }

  @Authorized(...department.readers)
  @FieldResolver(() => [EducationGrant], { nullable: true, description: 'Education grants paid in the calendar year (every year when omitted), oldest first' })
  grants(@Root() member: EntityKey, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: Context): Promise<GrantEntity[]> {
    if (year !== null && year !== undefined) requireRegistryYear(year);
    return ctx.loaders.grantsByMemberYear.load({ memberId: member.id, year: year ?? null });
  }
}
