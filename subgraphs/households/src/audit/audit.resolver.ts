import { AUDIT_READERS, AuditEntryConnection, type AuditLogEntry, AuditLogArgs, auditLogPage, type Page } from '@fupin/kit';
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../loaders.js';

/** The registry's audit log at the root, as the contract reads it; every subgraph's is on `auditLogs`. */
@Resolver()
export class AuditResolver {
  @Authorized(...AUDIT_READERS)
  @Query(() => AuditEntryConnection, { description: "The registry's audit log, newest first; entries of callers within your jurisdiction" })
  auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: Context): Promise<Page<AuditLogEntry>> {
    return auditLogPage(ctx.em, ctx.caller, args);
  }
}
