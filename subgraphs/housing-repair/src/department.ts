import { defineDepartment } from '@fupin/kit';

/** The housing-repair department: the registry's Member and Household to extend, its readers and writers. */
export const department = defineDepartment('housing-repair', 'HOUSING_REPAIR');
export const { Member, Household, HouseholdEntry, MemberEntry, FourZeros } = department;
