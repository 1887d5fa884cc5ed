import { READERS } from '@fupin/kit';

/** Health records are personal data: the registry's readers and the health department. */
export const HEALTH_READERS = [...READERS, 'DEPARTMENT_OFFICER:HEALTH_INSURANCE'] as const;

/** The department writes its own records; ADMIN may act for it. */
export const HEALTH_WRITERS = ['ADMIN', 'DEPARTMENT_OFFICER:HEALTH_INSURANCE'] as const;
