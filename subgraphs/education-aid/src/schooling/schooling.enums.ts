import { registerEnumType } from 'type-graphql';

export enum SchoolStage {
  /** 学前教育 */
  PRESCHOOL = 'PRESCHOOL',
  /** 小学 */
  PRIMARY = 'PRIMARY',
  /** 初中 */
  JUNIOR_SECONDARY = 'JUNIOR_SECONDARY',
  /** 高中 */
  SENIOR_SECONDARY = 'SENIOR_SECONDARY',
  /** 中职、高职 */
  VOCATIONAL = 'VOCATIONAL',
  /** 大学 */
  TERTIARY = 'TERTIARY',
}

export enum SchoolStatus {
  ENROLLED = 'ENROLLED',
  /** 送教上门: taught at home, for children too disabled to attend; in school. */
  HOME_TAUGHT = 'HOME_TAUGHT',
  /** 休学: suspended with the school's leave; in school. */
  SUSPENDED = 'SUSPENDED',
  /** 辍学 */
  DROPPED_OUT = 'DROPPED_OUT',
  GRADUATED = 'GRADUATED',
}

registerEnumType(SchoolStage, { name: 'SchoolStage', description: 'Stage of schooling' });
registerEnumType(SchoolStatus, { name: 'SchoolStatus', description: 'Standing in the school year; every status but DROPPED_OUT counts as in school' });
