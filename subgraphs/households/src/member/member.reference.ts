import { isUuid } from '@fupin/kit';
import { visibleMember } from '../access.js';
import type { Context } from '../loaders.js';

export const memberReference = {
  Member: {
    __resolveReference: async (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? visibleMember(ctx, await ctx.loaders.memberById.load(ref.id)) : null),
  },
};
