import { BadUserInputError, COUNTRY_CODE, inJurisdiction, isRegistryYear, readRegionCode, refuseRead, regionRange, rosterOf } from '@fupin/kit';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { HEALTH_READERS, HEALTH_WRITERS } from '../access.js';
import type { Context } from '../loaders.js';
import { EnrollInsuranceInput } from './enroll-insurance.input.js';
import type { EnrollmentEntity } from './enrollment.entity.js';
import { enrollInsurance } from './enrollment.service.js';
import { InsuranceEnrollment } from './enrollment.type.js';
import { InsuranceCoverage } from './insurance-coverage.type.js';

@Resolver(() => InsuranceEnrollment)
export class EnrollmentResolver {
  @Authorized(...HEALTH_READERS)
  @Query(() => InsuranceCoverage, { description: 'How many registry members of a region (and below) are insured for a year' })
  async insuranceCoverage(@Arg('regionCode', () => ID) regionCode: string, @Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<InsuranceCoverage> {
    if (regionCode !== COUNTRY_CODE && typeof readRegionCode(regionCode) === 'string') throw new BadUserInputError('regionCode is not a region code', { field: 'regionCode' });
    if (!isRegistryYear(year)) throw new BadUserInputError('year must be from 2014 to next year', { field: 'year' });
    if (!inJurisdiction(ctx.caller, regionCode)) return refuseRead(ctx, 'Query.insuranceCoverage', regionCode, 'region is outside your jurisdiction');
    const { lo, hi } = regionRange(regionCode);
    const [row] = await ctx.em.getConnection().execute<{ members: string; insured: string }[]>(
      `select count(*) as members, count(e.member_id) as insured
         from roster r left join insurance_enrollment e on e.member_id = r.member_id and e.year = ?
        where r.village_code >= ? and r.village_code < ?`,
      [year, lo, hi],
    );
    const members = Number(row!.members);
    const insured = Number(row!.insured);
    return { regionCode, year, members, insured, uninsured: members - insured, rate: members === 0 ? 1 : insured / members };
  }

  @Authorized(...HEALTH_WRITERS)
  @Mutation(() => InsuranceEnrollment, { description: "Records a person's basic medical insurance for a year (参保); recorded again for the year, it replaces" })
  enrollInsurance(@Arg('input', () => EnrollInsuranceInput) input: EnrollInsuranceInput, @Ctx() ctx: Context): Promise<EnrollmentEntity> {
    return enrollInsurance(ctx.em, rosterOf(ctx), input, ctx.caller);
  }
}
