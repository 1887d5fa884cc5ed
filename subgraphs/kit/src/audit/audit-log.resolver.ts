import { Args, ArgsType, Authorized, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../context.js';
import { type Page, PageArgs } from '../graphql/pagination.js';
import { auditLogPage } from './audit-log.service.js';
import { type AuditLogEntry, AuditEntryConnection } from './audit-log.type.js';

export const AUDIT_READERS = ['AUDITOR', 'ADMIN'] as const;

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  subjectId?: string | null;
}

/** `health-insurance` → `healthInsurance`: the subgraph's field on `AuditLogs`. */
export const auditLogField = (subgraph: string) => subgraph.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const AUDIT_LOGS_ID = 'hub';

/**
 * Every subgraph keeps its own audit log (a write and its row commit together in one
 * database). Each adds its own field to one `AuditLogs` entity, so an auditor reads them all
 * in one query — `auditLogs { households(first: 20) { … } healthInsurance { … } }` — and a
 * department that is down costs only its own field. Made per subgraph: type-graphql keeps
 * field resolvers on the class, and one class shared by two subgraphs in one process would
 * carry both subgraphs' fields.
 */
export function auditLogModule(subgraph: string) {
  @ObjectType('AuditLogs', { description: "Every subgraph's audit log, one field each, newest first; entries of callers within your jurisdiction" })
  @Directive('@key(fields: "id")')
  class AuditLogs {
    @Field(() => ID)
    id!: string;
  }

  @Resolver(() => AuditLogs)
  class AuditLogsResolver {
    @Authorized(...AUDIT_READERS)
    @Directive('@shareable')
    @Query(() => AuditLogs, { nullable: true, description: "Every subgraph's audit log (AUDITOR, ADMIN)" })
    auditLogs(): AuditLogs {
      return { id: AUDIT_LOGS_ID };
    }

    @Authorized(...AUDIT_READERS)
    @FieldResolver(() => AuditEntryConnection, { name: auditLogField(subgraph), nullable: true, description: `The ${subgraph} subgraph's audit log` })
    log(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: SubgraphContext): Promise<Page<AuditLogEntry>> {
      return auditLogPage(ctx.em, ctx.caller, args);
    }
  }

  return {
    resolver: AuditLogsResolver,
    references: { AuditLogs: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) } },
  };
}
