import { isUuid } from '@fupin/kit';
import type { Context } from '../loaders.js';

export const householdReference = {
  Household: {
    __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.householdById.load(ref.id) : null),
  },
};
