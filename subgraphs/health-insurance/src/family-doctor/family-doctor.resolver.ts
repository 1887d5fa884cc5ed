import { rosterOf } from '@fupin/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { department } from '../department.js';
import type { Context } from '../loaders.js';
import type { FamilyDoctorContractEntity } from './family-doctor.entity.js';
import { signFamilyDoctorContract } from './family-doctor.service.js';
import { FamilyDoctorContract } from './family-doctor.type.js';
import { SignFamilyDoctorContractInput } from './sign-family-doctor-contract.input.js';

@Resolver(() => FamilyDoctorContract)
export class FamilyDoctorResolver {
  @Authorized(...department.writers)
  @Mutation(() => FamilyDoctorContract, { description: 'Records a family-doctor contract for a year; signed again for the year, it replaces' })
  signFamilyDoctorContract(@Arg('input', () => SignFamilyDoctorContractInput) input: SignFamilyDoctorContractInput, @Ctx() ctx: Context): Promise<FamilyDoctorContractEntity> {
    return signFamilyDoctorContract(ctx.em, rosterOf(ctx), input, ctx.caller);
  }
}
