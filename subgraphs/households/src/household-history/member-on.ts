/**
 * SQL that holds for a member row (alias) present at the end of `date` (an SQL date expression):
 * joined on or before it, not yet left. The registry's own copy of the roster's rule
 * (`rosterMemberOn` in the kit), over its member table.
 */
export { rosterMemberOn as memberOn } from '@fupin/kit';
