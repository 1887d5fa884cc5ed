import { registerEnumType } from 'type-graphql';

export enum EmploymentStatus {
  /** 乡镇内: work in the home township */
  LOCAL = 'LOCAL',
  /** 县内: in the county, outside the township */
  IN_COUNTY = 'IN_COUNTY',
  /** 省内: in the province, outside the county */
  IN_PROVINCE = 'IN_PROVINCE',
  /** 省外: migrant work outside the province */
  OUT_OF_PROVINCE = 'OUT_OF_PROVINCE',
  /** 公益性岗位: a public-welfare post, kept for those who cannot leave home */
  PUBLIC_WELFARE_POST = 'PUBLIC_WELFARE_POST',
  /** 生态护林员: an ecological ranger, the ecological-compensation batch */
  ECOLOGICAL_RANGER = 'ECOLOGICAL_RANGER',
  /** 扶贫车间: a poverty-alleviation workshop in or near the village */
  WORKSHOP = 'WORKSHOP',
  SELF_EMPLOYED = 'SELF_EMPLOYED',
  UNEMPLOYED = 'UNEMPLOYED',
}

registerEnumType(EmploymentStatus, { name: 'EmploymentStatus', description: 'Where and how a person worked in a year; every status but UNEMPLOYED counts as employed' });
