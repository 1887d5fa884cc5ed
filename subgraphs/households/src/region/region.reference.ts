import { visibleRegion } from '../access.js';
import type { Context } from '../loaders.js';

export const regionReference = {
  Region: {
    __resolveReference: async (ref: { code: string }, ctx: Context) => visibleRegion(ctx, await ctx.loaders.regionByCode.load(ref.code)),
  },
};
