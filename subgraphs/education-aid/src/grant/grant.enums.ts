import { registerEnumType } from 'type-graphql';

export enum GrantProgram {
  /** 学前教育资助 */
  PRESCHOOL_AID = 'PRESCHOOL_AID',
  /** 两免一补: free tuition and textbooks, a living subsidy, in compulsory school */
  TWO_EXEMPTIONS_ONE_SUBSIDY = 'TWO_EXEMPTIONS_ONE_SUBSIDY',
  /** 国家助学金 */
  NATIONAL_GRANT = 'NATIONAL_GRANT',
  /** 雨露计划: for vocational students of poor households */
  RAIN_DEW = 'RAIN_DEW',
  /** 生源地信用助学贷款: a tertiary student loan */
  STUDENT_LOAN = 'STUDENT_LOAN',
}

registerEnumType(GrantProgram, { name: 'GrantProgram', description: 'Education aid programme' });
