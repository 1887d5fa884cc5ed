import { isUuid } from '@fupin/kit';
import { visibleHousehold } from '../access.js';
import type { Context } from '../loaders.js';

export const householdReference = {
  Household: {
    __resolveReference: async (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? visibleHousehold(ctx, await ctx.loaders.householdById.load(ref.id)) : null),
  },
};
