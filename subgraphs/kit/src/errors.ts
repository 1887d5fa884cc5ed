import { GraphQLError } from 'graphql';
import type { UnavailableReason } from './graphql/partial-answers.js';

/**
 * Errors a client may act on. Each carries `extensions.code`; their messages never hold
 * personal data (ID numbers, names, health), since they reach clients and logs.
 */
export class HubError extends GraphQLError {
  constructor(message: string, code: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadUserInputError extends HubError {
  constructor(message: string, extensions: { field?: string; [k: string]: unknown } = {}) {
    super(message, 'BAD_USER_INPUT', extensions);
  }
}

export class NotFoundError extends HubError {
  constructor(what: string, extensions: Record<string, unknown> = {}) {
    super(`${what} not found`, 'NOT_FOUND', extensions);
  }
}

export class ForbiddenError extends HubError {
  constructor(message = 'not allowed', extensions: Record<string, unknown> = {}) {
    super(message, 'FORBIDDEN', extensions);
  }
}

export class ExitStandardNotMetError extends HubError {
  constructor(
    message: string,
    gaps: string[],
    more: Record<string, unknown> = {},
    /** Departments that could not be consulted: each also a DEPARTMENT_UNAVAILABLE beside the refusal. */
    readonly unavailable: { department: string; reason: UnavailableReason; detail: string }[] = [],
  ) {
    super(message, 'EXIT_STANDARD_NOT_MET', { gaps, ...more });
  }
}

/** A status change that only the county decides through its procedure (ProposeStatusChange). */
export class ProcedureRequiredError extends HubError {
  constructor(message: string) {
    super(message, 'PROCEDURE_REQUIRED');
  }
}

/** A step of a status change's procedure taken out of turn: skipped, repeated, or before the notice period ends. */
export class ProcedureStepError extends HubError {
  constructor(message: string, extensions: { step: string; [k: string]: unknown }) {
    super(message, 'PROCEDURE_STEP', extensions);
  }
}
