import { registerEnumType } from 'type-graphql';

export enum HouseholdType {
  GENERAL = 'GENERAL',
  DIBAO = 'DIBAO',
  TEKUN = 'TEKUN',
}

export enum PovertyStatus {
  POOR = 'POOR',
  LIFTED = 'LIFTED',
  RELAPSED = 'RELAPSED',
  MONITORED = 'MONITORED',
  /** 清退: identified in error; counts nowhere, its records stay readable to auditors. */
  REMOVED = 'REMOVED',
}

export enum PovertyCause {
  ILLNESS = 'ILLNESS',
  DISABILITY = 'DISABILITY',
  SCHOOLING = 'SCHOOLING',
  DISASTER = 'DISASTER',
  MARRIAGE = 'MARRIAGE',
  LACK_OF_LAND = 'LACK_OF_LAND',
  LACK_OF_WATER = 'LACK_OF_WATER',
  LACK_OF_SKILLS = 'LACK_OF_SKILLS',
  LACK_OF_LABOR = 'LACK_OF_LABOR',
  LACK_OF_FUNDS = 'LACK_OF_FUNDS',
  POOR_TRANSPORT = 'POOR_TRANSPORT',
  LACK_OF_MOTIVATION = 'LACK_OF_MOTIVATION',
  OTHER = 'OTHER',
}

registerEnumType(HouseholdType, { name: 'HouseholdType', description: '一般贫困户 / 低保贫困户 / 特困供养' });
registerEnumType(PovertyStatus, { name: 'PovertyStatus', description: '未脱贫 / 已脱贫 / 返贫 / 监测户 / 清退' });
registerEnumType(PovertyCause, { name: 'PovertyCause', description: '致贫原因' });
