import { defineDepartment } from '@fupin/kit';

/** The education-aid department: the registry's Member and Household to extend, its readers and writers. */
export const department = defineDepartment('education-aid', 'EDUCATION_AID');
export const { Member, Household, HouseholdEntry, MemberEntry, FourZeros } = department;
