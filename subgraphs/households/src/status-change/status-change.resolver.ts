import { ExitStandardNotMetError, OwnTransaction, READERS, reportDepartmentUnavailable, requireReadableRegion, selects, writeTransaction } from '@fupin/kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { visibleHousehold } from '../access.js';
import { ExitEvidence } from '../household-coverage/coverage.type.js';
import type { HouseholdEntity } from '../household/household.entity.js';
import { Household } from '../household/household.type.js';
import type { Context } from '../loaders.js';
import { ProposeStatusChangeInput } from './propose-status-change.input.js';
import type { StatusChangeObjectionEntity, StatusChangeProposalEntity } from './status-change-proposal.entity.js';
import { StatusChangeObjection, StatusChangeProposal, StatusChangeProposalConnection } from './status-change-proposal.type.js';
import { currentStep, decideStatusChange, isStalled, objectToStatusChange, proposeStatusChange, reviewStatusChange, statusChangesOf, withdrawStatusChange, type ProcedureSettings } from './status-change.service.js';
import { StatusChangeStep } from './status-change-step.enum.js';
import { StatusChangesArgs } from './status-changes.args.js';

const procedure = (ctx: Context): ProcedureSettings => ({ noticeDays: ctx.settings.FUPIN_NOTICE_DAYS, stallDays: ctx.settings.FUPIN_PROCEDURE_STALL_DAYS });
const coverage = (ctx: Context) => ({ peers: ctx.peers, povertyLines: ctx.settings.FUPIN_POVERTY_LINES, timeoutMs: ctx.settings.FUPIN_COVERAGE_TIMEOUT_MS });

/** An exit refused for want of a department says so the way a coverage does: retryable. */
function reportUnavailable(ctx: Context, info: GraphQLResolveInfo, err: unknown): never {
  if (err instanceof ExitStandardNotMetError) for (const u of err.unavailable) reportDepartmentUnavailable(ctx, info, u.department, u.reason, u.detail);
  throw err;
}

@Resolver(() => StatusChangeProposal)
export class StatusChangeResolver {
  @Authorized('ADMIN', 'COUNTY_OFFICER', 'CASEWORKER')
  @Mutation(() => StatusChangeProposal, {
    description: 'Proposes a change the county decides: an exit (LIFTED) is checked against the exit standard (EXIT_STANDARD_NOT_MET) and published (NOTICE) before the TOWNSHIP review; RELAPSED, REMOVED and MONITORED -> POOR go straight to the COUNTY',
  })
  // The departments are asked before it writes: no transaction is held while they answer.
  @OwnTransaction()
  async proposeStatusChange(@Arg('input', () => ProposeStatusChangeInput) input: ProposeStatusChangeInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<StatusChangeProposalEntity> {
    try {
      return await proposeStatusChange(ctx.em, input, ctx.caller, procedure(ctx), coverage(ctx), (work) => writeTransaction(ctx, work));
    } catch (err) {
      return reportUnavailable(ctx, info, err);
    }
  }

  @Authorized('ADMIN', 'COUNTY_OFFICER', 'CASEWORKER')
  @Mutation(() => StatusChangeProposal, { description: 'Records an objection raised while the change is published (公示, step NOTICE), with who wrote it down' })
  objectToStatusChange(@Arg('id', () => ID) id: string, @Arg('objection') objection: string, @Ctx() ctx: Context): Promise<StatusChangeProposalEntity> {
    return objectToStatusChange(ctx.em, id, objection, ctx.caller);
  }

  @Authorized('ADMIN', 'COUNTY_OFFICER', 'CASEWORKER')
  @Mutation(() => StatusChangeProposal, { description: 'Withdraws an open change (撤回) before the decision: by its proposer, or the county office; it is kept, WITHDRAWN' })
  withdrawStatusChange(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: Context): Promise<StatusChangeProposalEntity> {
    return withdrawStatusChange(ctx.em, id, reason, ctx.caller);
  }

  @Authorized('ADMIN', 'COUNTY_OFFICER', 'CASEWORKER')
  @Mutation(() => StatusChangeProposal, { description: "The township's review (乡镇审核): after the notice period, by another person than the proposer, with a township or above as jurisdiction" })
  reviewStatusChange(@Arg('id', () => ID) id: string, @Arg('approve') approve: boolean, @Arg('reason') reason: string, @Ctx() ctx: Context): Promise<StatusChangeProposalEntity> {
    return reviewStatusChange(ctx.em, id, approve, reason, ctx.caller);
  }

  @Authorized('ADMIN', 'COUNTY_OFFICER')
  @Mutation(() => StatusChangeProposal, { description: "The county's decision (县级审定): neither proposer nor reviewer; an exit is checked again; approval appends the status history entry" })
  @OwnTransaction()
  async decideStatusChange(@Arg('id', () => ID) id: string, @Arg('approve') approve: boolean, @Arg('reason') reason: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<StatusChangeProposalEntity> {
    try {
      return await decideStatusChange(ctx.em, id, approve, reason, ctx.caller, coverage(ctx), (work) => writeTransaction(ctx, work));
    } catch (err) {
      return reportUnavailable(ctx, info, err);
    }
  }

  @Authorized(...READERS)
  @Query(() => StatusChangeProposalConnection, { description: 'Status changes of the households of a region and below, oldest proposal first: the work list of each step, or the stalled ones' })
  async statusChanges(@Args(() => StatusChangesArgs) args: StatusChangesArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<StatusChangeProposalConnection> {
    const range = await requireReadableRegion(ctx, 'StatusChanges', args.regionCode);
    return statusChangesOf(ctx.em, range, args, procedure(ctx), selects(info, 'totalCount'));
  }

  @FieldResolver(() => Household, { nullable: true })
  async household(@Root() proposal: StatusChangeProposalEntity, @Ctx() ctx: Context): Promise<HouseholdEntity | null> {
    return visibleHousehold(ctx, await ctx.loaders.householdById.load(proposal.householdId));
  }

  @FieldResolver(() => [StatusChangeObjection])
  objections(@Root() proposal: StatusChangeProposalEntity, @Ctx() ctx: Context): Promise<StatusChangeObjectionEntity[]> {
    return ctx.loaders.objectionsByProposal.load(proposal.id);
  }

  @FieldResolver(() => StatusChangeStep, { description: 'Where it stands today: a published exit whose notice period has ended waits at TOWNSHIP' })
  step(@Root() proposal: StatusChangeProposalEntity): StatusChangeStep {
    return currentStep(proposal);
  }

  @FieldResolver(() => Boolean, { description: 'Open, and at the same step for FUPIN_PROCEDURE_STALL_DAYS days or more' })
  stalled(@Root() proposal: StatusChangeProposalEntity, @Ctx() ctx: Context): boolean {
    return isStalled(proposal, procedure(ctx));
  }

  @FieldResolver(() => ExitEvidence, { nullable: true, description: 'For an approved exit: what it was granted on at the decision, as it stood then' })
  exitEvidence(@Root() proposal: StatusChangeProposalEntity): ExitEvidence | null {
    return proposal.evidence;
  }
}

@Resolver(() => Household)
export class HouseholdStatusChangesResolver {
  @Authorized(...READERS)
  @FieldResolver(() => [StatusChangeProposal], { nullable: true, description: 'Its status changes through their procedure, oldest first, whatever their end' })
  statusChanges(@Root() household: HouseholdEntity, @Ctx() ctx: Context): Promise<StatusChangeProposalEntity[]> {
    return ctx.loaders.proposalsByHousehold.load(household.id);
  }
}
