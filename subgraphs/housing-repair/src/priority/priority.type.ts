import { Connection, PageArgs } from '@fupin/kit';
import { ArgsType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AppraisalGrade } from '../appraisal/appraisal.enums.js';
import { HouseholdEntry } from '../department.js';
import { UnsafeHousingReason } from '../housing/housing.rule.js';

/** 四类重点对象: the households whose unsafe houses are renovated first. */
export enum PriorityGroup {
  /** 建档立卡贫困户: its status history holds POOR at any time, whatever its status now (LIFTED, MONITORED after LIFTED) */
  REGISTERED_POOR = 'REGISTERED_POOR',
  /** 低保户 */
  DIBAO = 'DIBAO',
  /** 分散供养特困人员 */
  TEKUN = 'TEKUN',
  /** 贫困残疾人家庭 */
  DISABLED_MEMBER = 'DISABLED_MEMBER',
}
registerEnumType(PriorityGroup, { name: 'PriorityGroup', description: 'The four priority groups for housing renovation (四类重点对象)' });

@ObjectType('UnsafeHousingEntry', { description: 'A priority household whose housing is not safe today, and why' })
export class UnsafeHousingEntry extends HouseholdEntry {
  @Field(() => UnsafeHousingReason)
  reason!: UnsafeHousingReason;

  @Field(() => AppraisalGrade, { nullable: true, description: 'The latest appraisal grade; null when never appraised' })
  latestGrade!: AppraisalGrade | null;

  @Field(() => Date, { nullable: true })
  latestAppraisedOn!: string | null;

  @Field(() => [PriorityGroup], { description: 'Every priority group the household is in' })
  priorityGroups!: PriorityGroup[];
}

@ObjectType('UnsafeHousingConnection')
export class UnsafeHousingConnection extends Connection(UnsafeHousingEntry) {}

@ArgsType()
export class UnsafeHousingArgs extends PageArgs {
  @Field(() => ID, { description: 'A region (or 000000000000, the country): its villages and every one below it' })
  regionCode!: string;
}
