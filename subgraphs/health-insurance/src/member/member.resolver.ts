import type { EntityKey } from '@fupin/kit';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ClaimEntity } from '../claim/claim.entity.js';
import { MedicalClaim } from '../claim/claim.type.js';
import type { EnrollmentEntity } from '../enrollment/enrollment.entity.js';
import { InsuranceEnrollment } from '../enrollment/enrollment.type.js';
import type { FamilyDoctorContractEntity } from '../family-doctor/family-doctor.entity.js';
import { FamilyDoctorContract } from '../family-doctor/family-doctor.type.js';
import { department, Member } from '../department.js';
import type { Context } from '../loaders.js';

@Resolver(() => Member)
export class MemberResolver {
  @Authorized(...department.readers)
  @FieldResolver(() => InsuranceEnrollment, { nullable: true, description: 'Basic medical insurance of the year; null when not enrolled' })
  insurance(@Root() member: EntityKey, @Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<EnrollmentEntity | null> {
    return ctx.loaders.enrollmentByMemberYear.load({ memberId: member.id, year });
  }

  @Authorized(...department.readers)
  @FieldResolver(() => [MedicalClaim], { nullable: true, description: 'Claims dated in the year (every year when omitted), oldest first' })
  claims(@Root() member: EntityKey, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: Context): Promise<ClaimEntity[]> {
    return ctx.loaders.claimsByMemberYear.load({ memberId: member.id, year: year ?? null });
  }

  @Authorized(...department.readers)
  @FieldResolver(() => FamilyDoctorContract, { nullable: true, description: 'Family-doctor contract of the year' })
  familyDoctor(@Root() member: EntityKey, @Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<FamilyDoctorContractEntity | null> {
    return ctx.loaders.familyDoctorByMemberYear.load({ memberId: member.id, year });
  }
}
