import { visibleMemberRef } from '@fupin/kit';
import type { Context } from '../loaders.js';

export const memberReference = {
  Member: {
    __resolveReference: (ref: { id: string }, ctx: Context) => visibleMemberRef(ctx, ref.id),
  },
};
