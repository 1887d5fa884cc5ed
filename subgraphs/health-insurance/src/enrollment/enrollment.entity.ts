import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type Fen, FenType, RecordedEntity } from '@fupin/kit';
import type { InsuranceScheme } from './enrollment.enums.js';

/** Enrollment of one person for one year (参保); recorded again for the year, replaced. */
@Entity({ tableName: 'insurance_enrollment' })
export class EnrollmentEntity extends RecordedEntity {
  @PrimaryKey({ type: 'uuid' })
  memberId!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'string' })
  scheme!: InsuranceScheme;

  @Property({ type: FenType })
  premium!: Fen;

  /** The government-paid part of the premium (资助参保). */
  @Property({ type: FenType })
  subsidy!: Fen;

  /** 大病保险 */
  @Property({ type: 'boolean' })
  criticalIllnessCover!: boolean;

  /** 大病补充医疗保险 */
  @Property({ type: 'boolean' })
  supplementaryCover!: boolean;
}
