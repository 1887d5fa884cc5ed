import { departmentCodes } from '../hub/subgraph-list.js';
import { readRegionCode, COUNTRY_CODE, regionPrefix, regionRange } from '../domain/region-code.js';

export const ROLES = ['ADMIN', 'COUNTY_OFFICER', 'CASEWORKER', 'DEPARTMENT_OFFICER', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The departments' codes, from the one list of subgraphs (`subgraphs/subgraphs.json`): a
 * department new to the hub is known to tokens and rules once it is listed.
 */
export const DEPARTMENTS: readonly Department[] = departmentCodes();
/** A department's code as the list has it (`HEALTH_INSURANCE`, `WATER_SAFETY`). */
export type Department = string;

/** Who is asking, as the gateway vouches for it. */
export interface Caller {
  subject: string;
  role: Role;
  /** The jurisdiction: this region and everything below it (000000000000: the country). */
  regionCode: string;
  department?: Department;
}

/** Checks claims from a token; returns why they are refused as a string, or the caller. */
export function readCaller(claims: Record<string, unknown>): Caller | string {
  const { sub, role, region, department } = claims;
  if (typeof sub !== 'string' || sub.length < 1 || sub.length > 100) return 'subject (sub) is missing';
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return 'role is not one of ' + ROLES.join(', ');
  if (typeof region !== 'string' || (region !== COUNTRY_CODE && typeof readRegionCode(region) === 'string')) return 'region is not a region code';
  if (role === 'DEPARTMENT_OFFICER') {
    if (typeof department !== 'string' || !(DEPARTMENTS as readonly string[]).includes(department)) return 'a DEPARTMENT_OFFICER needs a department: ' + DEPARTMENTS.join(', ');
    return { subject: sub, role, regionCode: region, department: department as Department };
  }
  if (department !== undefined) return 'only a DEPARTMENT_OFFICER has a department';
  return { subject: sub, role: role as Role, regionCode: region };
}

/** Whether a region code (a village, a household's village) lies in the caller's jurisdiction. */
export function inJurisdiction(caller: Caller, code: string): boolean {
  return code.startsWith(regionPrefix(caller.regionCode));
}

/** The code range of the caller's jurisdiction, for SQL: `code >= lo and code < hi`. */
export function jurisdictionRange(caller: Caller): { lo: string; hi: string } {
  return regionRange(caller.regionCode);
}
