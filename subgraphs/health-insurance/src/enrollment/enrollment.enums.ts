import { registerEnumType } from 'type-graphql';

export enum InsuranceScheme {
  /** 城乡居民基本医疗保险 */
  RESIDENT_BASIC = 'RESIDENT_BASIC',
  /** 职工基本医疗保险 */
  EMPLOYEE_BASIC = 'EMPLOYEE_BASIC',
}

registerEnumType(InsuranceScheme, { name: 'InsuranceScheme', description: 'Basic medical insurance scheme' });
