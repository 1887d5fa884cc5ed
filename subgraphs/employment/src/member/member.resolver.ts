import { type EntityKey, requireRegistryYear } from '@fupin/kit';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { department, Member } from '../department.js';
import type { EmploymentEntity } from '../employment/employment.entity.js';
import { Employment } from '../employment/employment.type.js';
import type { Context } from '../loaders.js';
import type { TrainingEntity } from '../training/training.entity.js';
import { Training } from '../training/training.type.js';

@Resolver(() => Member)
export class MemberResolver {
  @Authorized(...department.readers)
  @FieldResolver(() => Employment, { nullable: true, description: 'Employment in the year; null when none is recorded' })
  employment(@Root() member: EntityKey, @Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<EmploymentEntity | null> {
    requireRegistryYear(year);
    return ctx.loaders.employmentByMemberYear.load({ memberId: member.id, year });
  }

  @Authorized(...department.readers)
  @FieldResolver(() => [Training], { nullable: true, description: 'Skills trainings that ended in the year (every year when omitted), oldest first' })
  trainings(@Root() member: EntityKey, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: Context): Promise<TrainingEntity[]> {
    if (year !== null && year !== undefined) requireRegistryYear(year);
    return ctx.loaders.trainingsByMemberYear.load({ memberId: member.id, year: year ?? null });
  }
}
