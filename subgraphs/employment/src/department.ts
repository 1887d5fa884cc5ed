import { defineDepartment } from '@fupin/kit';

/** The employment department: the registry's Member and Household to extend, its readers and writers. */
export const department = defineDepartment('employment', 'EMPLOYMENT');
export const { Member, Household, HouseholdEntry, MemberEntry, FourZeros } = department;
