import { rosterOf } from '@fupin/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { department } from '../department.js';
import type { Context } from '../loaders.js';
import type { AppraisalEntity } from './appraisal.entity.js';
import { recordAppraisal } from './appraisal.service.js';
import { HousingAppraisal } from './appraisal.type.js';
import { RecordAppraisalInput } from './record-appraisal.input.js';

@Resolver(() => HousingAppraisal)
export class AppraisalResolver {
  @Authorized(...department.writers)
  @Mutation(() => HousingAppraisal, { description: "Records a safety appraisal of a household's house; appraisals accumulate, the latest counts" })
  recordAppraisal(@Arg('input', () => RecordAppraisalInput) input: RecordAppraisalInput, @Ctx() ctx: Context): Promise<AppraisalEntity> {
    return recordAppraisal(ctx.em, rosterOf(ctx), input, ctx.caller);
  }
}
