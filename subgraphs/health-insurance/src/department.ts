import { defineDepartment } from '@fupin/kit';

/** Health insurance (医保): the registry's Member and Household to extend, readers and writers. */
export const department = defineDepartment('health-insurance', 'HEALTH_INSURANCE');
export const { Member, Household, FourZeros } = department;
