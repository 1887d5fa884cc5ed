import { isUuid } from '@fupin/kit';
import type { Context } from '../loaders.js';

export const memberReference = {
  Member: {
    __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.memberById.load(ref.id) : null),
  },
};
