import { Entity } from '@mikro-orm/decorators/legacy';
import { DatedChangeEntity } from './dated-change.entity.js';

/** The attributes of a household a change may set (UpdateHousehold). */
export interface HouseholdAttributes {
  type?: string;
  mainCause?: string;
  otherCauses?: string[];
  safeDrinkingWater?: boolean;
  helper?: string | null;
}

/** One dated change of a household's attributes. */
@Entity({ tableName: 'household_change' })
export class HouseholdChangeEntity extends DatedChangeEntity {}
