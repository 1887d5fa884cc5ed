import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { HEALTH_READERS } from '../access.js';
import type { ClaimEntity } from '../claim/claim.entity.js';
import { MedicalClaim } from '../claim/claim.type.js';
import type { EnrollmentEntity } from '../enrollment/enrollment.entity.js';
import { InsuranceEnrollment } from '../enrollment/enrollment.type.js';
import type { FamilyDoctorContractEntity } from '../family-doctor/family-doctor.entity.js';
import { FamilyDoctorContract } from '../family-doctor/family-doctor.type.js';
import type { Context } from '../loaders.js';
import { Member } from './member.type.js';

@Resolver(() => Member)
export class MemberResolver {
  @Authorized(...HEALTH_READERS)
  @FieldResolver(() => InsuranceEnrollment, { nullable: true, description: 'Basic medical insurance of the year; null when not enrolled' })
  insurance(@Root() member: Member, @Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<EnrollmentEntity | null> {
    return ctx.loaders.enrollmentByMemberYear.load({ memberId: member.id, year });
  }

  @Authorized(...HEALTH_READERS)
  @FieldResolver(() => [MedicalClaim], { nullable: true, description: 'Claims dated in the year (every year when omitted), oldest first' })
  async claims(@Root() member: Member, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: Context): Promise<ClaimEntity[]> {
    const rows = await ctx.loaders.claimsByMemberYear.load({ memberId: member.id, year: year ?? null });
    return rows.map((r) => r.claim);
  }

  @Authorized(...HEALTH_READERS)
  @FieldResolver(() => FamilyDoctorContract, { nullable: true, description: 'Family-doctor contract of the year' })
  familyDoctor(@Root() member: Member, @Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<FamilyDoctorContractEntity | null> {
    return ctx.loaders.familyDoctorByMemberYear.load({ memberId: member.id, year });
  }
}
