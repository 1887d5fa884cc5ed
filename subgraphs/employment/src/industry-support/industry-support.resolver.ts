import { rosterOf } from '@fupin/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { department } from '../department.js';
import type { Context } from '../loaders.js';
import type { IndustrySupportEntity } from './industry-support.entity.js';
import { recordIndustrySupport } from './industry-support.service.js';
import { IndustrySupport } from './industry-support.type.js';
import { RecordIndustrySupportInput } from './record-industry-support.input.js';

@Resolver(() => IndustrySupport)
export class IndustrySupportResolver {
  @Authorized(...department.writers)
  @Mutation(() => IndustrySupport, { description: 'Records an industry-support measure for a household and year; measures accumulate' })
  recordIndustrySupport(@Arg('input', () => RecordIndustrySupportInput) input: RecordIndustrySupportInput, @Ctx() ctx: Context): Promise<IndustrySupportEntity> {
    return recordIndustrySupport(ctx.em, rosterOf(ctx), input, ctx.caller);
  }
}
