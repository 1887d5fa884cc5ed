import type { Context } from '../loaders.js';

export const regionReference = {
  Region: {
    __resolveReference: (ref: { code: string }, ctx: Context) => ctx.loaders.regionByCode.load(ref.code),
  },
};
