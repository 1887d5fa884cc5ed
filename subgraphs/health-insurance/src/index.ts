import 'reflect-metadata';
import type { SubgraphDefinition } from '@fupin/kit';
import { Migration20261124000000_health } from '../migrations/Migration20261124000000_health.js';
import { ClaimEntity } from './claim/claim.entity.js';
import { EnrollmentEntity } from './enrollment/enrollment.entity.js';
import { enrollmentImport } from './enrollment/enrollment.import.js';
import { FamilyDoctorContractEntity } from './family-doctor/family-doctor.entity.js';
import { createLoaders, type Loaders } from './loaders.js';
import { healthInsuranceSchema } from './schema.js';
import { loadHealthDemo } from './demo/load-health.js';

/** Health insurance (医保): enrollment, claims, family-doctor contracts, over the registry's roster. */
export const healthInsurance: SubgraphDefinition<Loaders> = {
  name: 'health-insurance',
  defaultPort: 4002,
  entities: [EnrollmentEntity, ClaimEntity, FamilyDoctorContractEntity],
  migrations: [{ name: 'Migration20261124000000_health', class: Migration20261124000000_health }],
  schema: healthInsuranceSchema,
  loaders: createLoaders,
  roster: true,
  department: 'HEALTH_INSURANCE',
  imports: { enrollments: enrollmentImport },
  demo: loadHealthDemo,
  personalData: ['Member.insurance', 'Member.claims', 'Member.familyDoctor', 'Household.medical'],
};
