import { visibleHouseholdRef } from '@fupin/kit';
import type { Context } from '../loaders.js';

export const householdReference = {
  Household: {
    __resolveReference: (ref: { id: string }, ctx: Context) => visibleHouseholdRef(ctx, ref.id),
  },
};
