import type { AuthChecker } from 'type-graphql';
import { auditRefusal, refuseRead } from '../audit/audit.middleware.js';
import type { SubgraphContext } from '../context.js';
import { ForbiddenError } from '../errors.js';
import type { Caller } from './caller.js';

/**
 * Role rules as `@Authorized(...)` names them: a role (`CASEWORKER`) or a department
 * officer of one department (`DEPARTMENT_OFFICER:HEALTH_INSURANCE`).
 */
export function allows(caller: Caller, rules: readonly string[]): boolean {
  return rules.length === 0 || rules.includes(caller.role) || (!!caller.department && rules.includes(`${caller.role}:${caller.department}`));
}

/** type-graphql's check for `@Authorized`: a refusal is FORBIDDEN, never a silent null. */
export const authChecker: AuthChecker<SubgraphContext> = async ({ context, info, args }, rules) => {
  if (allows(context.caller, rules)) return true;
  const message = `${context.caller.role} may not read or write ${info.parentType.name}.${info.fieldName}`;
  // Refusals are audited here, where the role is judged (revealIdNumber has no audit wrapper);
  // the mutation's audit wrapper then knows this one is written.
  if (info.parentType.name !== 'Mutation') return refuseRead(context, `${info.parentType.name}.${info.fieldName}`, null, message);
  await auditRefusal(context, info, args, 'FORBIDDEN');
  throw Object.assign(new ForbiddenError(message), { audited: true });
};

/** Every registry reader; department officers see only the basics. */
export const READERS = ['ADMIN', 'COUNTY_OFFICER', 'CASEWORKER', 'AUDITOR'] as const;
