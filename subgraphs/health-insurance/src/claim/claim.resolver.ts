import { rosterOf } from '@fupin/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { department } from '../department.js';
import type { Context } from '../loaders.js';
import type { ClaimEntity } from './claim.entity.js';
import { recordClaim } from './claim.service.js';
import { MedicalClaim } from './claim.type.js';
import { RecordClaimInput } from './record-claim.input.js';

@Resolver(() => MedicalClaim)
export class ClaimResolver {
  @Authorized(...department.writers)
  @Mutation(() => MedicalClaim, { description: 'Records a medical bill and what each payer covered; out-of-pocket is derived' })
  recordClaim(@Arg('input', () => RecordClaimInput) input: RecordClaimInput, @Ctx() ctx: Context): Promise<ClaimEntity> {
    return recordClaim(ctx.em, rosterOf(ctx), input, ctx.caller);
  }
}
