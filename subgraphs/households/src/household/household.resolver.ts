import { type Fen, isUuid, MoneyScalar, piiOf, READERS, writeTransaction } from '@fupin/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { visibleHousehold } from '../access.js';
import { ExitEvidence } from '../household-coverage/coverage.type.js';
import type { Context } from '../loaders.js';
import type { MemberEntity } from '../member/member.entity.js';
import { Relation } from '../member/member.enums.js';
import { Member } from '../member/member.type.js';
import type { RegionEntity } from '../region/region.entity.js';
import { Region } from '../region/region.type.js';
import { ChangeHouseholdStatusInput } from './change-household-status.input.js';
import type { HouseholdEntity } from './household.entity.js';
import { changeHouseholdStatus, recordIncome, registerHousehold } from './household.service.js';
import { Household, StatusChange } from './household.type.js';
import { RecordIncomeInput } from './record-income.input.js';
import { RegisterHouseholdInput } from './register-household.input.js';
import type { StatusChangeEntity } from './status-change.entity.js';
import { UpdateHouseholdInput } from './update-household.input.js';
import { updateHousehold } from './update-household.service.js';

@Resolver(() => Household)
export class HouseholdResolver {
  @Query(() => Household, { nullable: true })
  async household(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<HouseholdEntity | null> {
    return isUuid(id) ? visibleHousehold(ctx, await ctx.loaders.householdById.load(id)) : null;
  }

  @Authorized('ADMIN', 'COUNTY_OFFICER')
  @Mutation(() => Household, { description: 'Registers a household with its members (建档立卡); its history starts POOR on 1 January of the year identified' })
  registerHousehold(@Arg('input', () => RegisterHouseholdInput) input: RegisterHouseholdInput, @Ctx() ctx: Context): Promise<HouseholdEntity> {
    return registerHousehold(ctx.em, input, ctx.caller, piiOf(ctx));
  }

  @Authorized('ADMIN', 'COUNTY_OFFICER')
  @Mutation(() => Household, { description: "A dated change of the household's type, causes, safe drinking water or helper; the earlier values stay readable through asOf" })
  updateHousehold(@Arg('input', () => UpdateHouseholdInput) input: UpdateHouseholdInput, @Ctx() ctx: Context): Promise<HouseholdEntity> {
    return updateHousehold(ctx.em, input, ctx.caller);
  }

  @Authorized('ADMIN', 'COUNTY_OFFICER', 'CASEWORKER')
  @Mutation(() => Household, { description: 'Records the per-capita net income of a year; recorded again, it replaces' })
  recordIncome(@Arg('input', () => RecordIncomeInput) input: RecordIncomeInput, @Ctx() ctx: Context): Promise<HouseholdEntity> {
    return recordIncome(ctx.em, input, ctx.caller);
  }

  @Authorized('ADMIN', 'COUNTY_OFFICER')
  @Mutation(() => Household, {
    description: 'Appends a change the county office makes directly: LIFTED -> MONITORED, MONITORED -> LIFTED (a once-lifted household). Exit, relapse and removal answer PROCEDURE_REQUIRED: proposeStatusChange',
  })
  changeHouseholdStatus(@Arg('input', () => ChangeHouseholdStatusInput) input: ChangeHouseholdStatusInput, @Ctx() ctx: Context): Promise<HouseholdEntity> {
    return changeHouseholdStatus(ctx.em, input, ctx.caller, (work) => writeTransaction(ctx, work));
  }

  @FieldResolver(() => Region)
  async village(@Root() household: HouseholdEntity, @Ctx() ctx: Context): Promise<RegionEntity> {
    return (await ctx.loaders.regionByCode.load(household.villageCode))!;
  }

  @FieldResolver(() => [Member], { description: "Today's members; those who left are read through asOf an earlier day" })
  members(@Root() household: HouseholdEntity, @Ctx() ctx: Context): Promise<MemberEntity[]> {
    return ctx.loaders.membersByHousehold.load(household.id);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The member whose relation is HEAD' })
  async head(@Root() household: HouseholdEntity, @Ctx() ctx: Context): Promise<MemberEntity | null> {
    const members = await ctx.loaders.membersByHousehold.load(household.id);
    return members.find((m) => m.relationToHead === Relation.HEAD) ?? null;
  }

  @Authorized(...READERS)
  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'Per-capita net income of the year; null when none was recorded' })
  async incomePerCapita(@Root() household: HouseholdEntity, @Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<Fen | null> {
    const income = await ctx.loaders.incomeByYear.load({ householdId: household.id, year });
    return income?.incomePerCapita ?? null;
  }

  @Authorized(...READERS)
  @FieldResolver(() => ExitEvidence, { nullable: true, description: 'What the latest exit (LIFTED) was granted on; null when it never exited through the hub' })
  async exitEvidence(@Root() household: HouseholdEntity, @Ctx() ctx: Context): Promise<ExitEvidence | null> {
    const history = await ctx.loaders.historyByHousehold.load(household.id);
    return history.findLast((e) => e.evidence !== null)?.evidence ?? null;
  }

  @Authorized(...READERS)
  @FieldResolver(() => [StatusChange], { nullable: true, description: 'Oldest first; append-only' })
  statusHistory(@Root() household: HouseholdEntity, @Ctx() ctx: Context): Promise<StatusChangeEntity[]> {
    return ctx.loaders.historyByHousehold.load(household.id);
  }
}
