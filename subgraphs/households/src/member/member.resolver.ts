import { isUuid, piiOf } from '@fupin/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HouseholdEntity } from '../household/household.entity.js';
import { Household } from '../household/household.type.js';
import { visibleMember } from '../access.js';
import type { Context } from '../loaders.js';
import type { MemberEntity } from './member.entity.js';
import { findMemberByIdNumber } from './member.service.js';
import { AddMemberInput, RemoveMemberInput, UpdateMemberInput } from './member-upkeep.input.js';
import { addMember, removeMember, updateMember } from './member-upkeep.service.js';
import { Member } from './member.type.js';
import { revealIdNumber } from './reveal-id-number.js';

@Resolver(() => Member)
export class MemberResolver {
  @Query(() => Member, { nullable: true })
  async member(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<MemberEntity | null> {
    return isUuid(id) ? visibleMember(ctx, await ctx.loaders.memberById.load(id)) : null;
  }

  @Query(() => Member, { nullable: true, description: 'Finds a registered person by resident ID number' })
  async memberByIdNumber(@Arg('idNumber') idNumber: string, @Ctx() ctx: Context): Promise<MemberEntity | null> {
    return visibleMember(ctx, await findMemberByIdNumber(ctx.em, piiOf(ctx), idNumber));
  }

  @Authorized('CASEWORKER', 'COUNTY_OFFICER', 'ADMIN')
  @Mutation(() => String, { description: 'The full ID number, for CASEWORKER, COUNTY_OFFICER and ADMIN in their region; every attempt is audited' })
  revealIdNumber(@Arg('memberId', () => ID) memberId: string, @Arg('reason') reason: string, @Ctx() ctx: Context): Promise<string> {
    return revealIdNumber(ctx, memberId, reason);
  }

  @Authorized('ADMIN', 'COUNTY_OFFICER')
  @Mutation(() => Household, { description: 'A member joins the household (birth, marriage, other) on a date, checked as at registration' })
  addMember(@Arg('input', () => AddMemberInput) input: AddMemberInput, @Ctx() ctx: Context): Promise<HouseholdEntity> {
    return addMember(ctx.em, input, ctx.caller, piiOf(ctx));
  }

  @Authorized('ADMIN', 'COUNTY_OFFICER')
  @Mutation(() => Household, { description: 'A member leaves the household (death, marriage out, moved away, other) on a date; a HEAD leaving others names newHeadId' })
  removeMember(@Arg('input', () => RemoveMemberInput) input: RemoveMemberInput, @Ctx() ctx: Context): Promise<HouseholdEntity> {
    return removeMember(ctx.em, input, ctx.caller);
  }

  @Authorized('ADMIN', 'COUNTY_OFFICER')
  @Mutation(() => Member, { description: "A dated change of a member's health status, disability grade or labor capacity" })
  updateMember(@Arg('input', () => UpdateMemberInput) input: UpdateMemberInput, @Ctx() ctx: Context): Promise<MemberEntity> {
    return updateMember(ctx.em, input, ctx.caller);
  }

  @FieldResolver(() => String, { description: 'First 6 and last 4 characters of the ID number, the rest *' })
  maskedIdNumber(@Root() member: MemberEntity): string {
    return member.idNumberMasked;
  }

  @FieldResolver(() => Household)
  async household(@Root() member: MemberEntity, @Ctx() ctx: Context): Promise<HouseholdEntity> {
    return (await ctx.loaders.householdById.load(member.householdId))!;
  }
}
