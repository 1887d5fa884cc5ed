import { requireReadableRegion, requireRegistryYear, rosterOf } from '@fupin/kit';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { department } from '../department.js';
import type { Context } from '../loaders.js';
import { EnrollInsuranceInput } from './enroll-insurance.input.js';
import type { EnrollmentEntity } from './enrollment.entity.js';
import { enrollInsurance, insuranceCoverage } from './enrollment.service.js';
import { InsuranceEnrollment } from './enrollment.type.js';
import { InsuranceCoverage } from './insurance-coverage.type.js';

@Resolver(() => InsuranceEnrollment)
export class EnrollmentResolver {
  @Authorized(...department.readers)
  @Query(() => InsuranceCoverage, { description: 'How many registry members of a region (and below) are insured for a year' })
  async insuranceCoverage(@Arg('regionCode', () => ID) regionCode: string, @Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<InsuranceCoverage> {
    requireRegistryYear(year);
    return insuranceCoverage(ctx.em, regionCode, year, await requireReadableRegion(ctx, 'Query.insuranceCoverage', regionCode));
  }

  @Authorized(...department.writers)
  @Mutation(() => InsuranceEnrollment, { description: "Records a person's basic medical insurance for a year (参保); recorded again for the year, it replaces" })
  enrollInsurance(@Arg('input', () => EnrollInsuranceInput) input: EnrollInsuranceInput, @Ctx() ctx: Context): Promise<EnrollmentEntity> {
    return enrollInsurance(ctx.em, rosterOf(ctx), input, ctx.caller);
  }
}
