import { rosterOf } from '@fupin/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { department } from '../department.js';
import type { Context } from '../loaders.js';
import { RecordRelocationInput } from './record-relocation.input.js';
import type { RelocationEntity } from './relocation.entity.js';
import { recordRelocation } from './relocation.service.js';
import { Relocation } from './relocation.type.js';

@Resolver(() => Relocation)
export class RelocationResolver {
  @Authorized(...department.writers)
  @Mutation(() => Relocation, { description: 'Records a household moved to a resettlement site (易地扶贫搬迁)' })
  recordRelocation(@Arg('input', () => RecordRelocationInput) input: RecordRelocationInput, @Ctx() ctx: Context): Promise<RelocationEntity> {
    return recordRelocation(ctx.em, rosterOf(ctx), input, ctx.caller);
  }
}
