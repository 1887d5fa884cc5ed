import 'reflect-metadata';
import { Migration20261124000000_health } from '../migrations/Migration20261124000000_health.js';
import { ClaimEntity } from './claim/claim.entity.js';
import { ClaimResolver } from './claim/claim.resolver.js';
import { healthCoverage, healthSettings } from './household-coverage/coverage.js';
import { department } from './department.js';
import { FourZerosResolver } from './four-zeros/four-zeros.resolver.js';
import { highMedicalBurden } from './four-zeros/four-zeros.rule.js';
import { EnrollmentEntity } from './enrollment/enrollment.entity.js';
import { EnrollmentResolver } from './enrollment/enrollment.resolver.js';
import { FamilyDoctorContractEntity } from './family-doctor/family-doctor.entity.js';
import { FamilyDoctorResolver } from './family-doctor/family-doctor.resolver.js';
import { HouseholdResolver } from './household/household.resolver.js';
import { createLoaders } from './loaders.js';
import { MemberResolver } from './member/member.resolver.js';

/** Health insurance (医保): enrollment, claims, family-doctor contracts, over the registry's roster. */
export const healthInsurance = department.subgraph({
  entities: [EnrollmentEntity, ClaimEntity, FamilyDoctorContractEntity],
  migrations: [{ name: 'Migration20261124000000_health', class: Migration20261124000000_health }],
  resolvers: [EnrollmentResolver, ClaimResolver, FamilyDoctorResolver, MemberResolver, HouseholdResolver, FourZerosResolver],
  loaders: createLoaders,
  fourZeros: highMedicalBurden,
  personalData: ['Member.insurance', 'Member.claims', 'Member.familyDoctor', 'Household.medical'],
  imports: async () => ({ enrollments: (await import('./enrollment/enrollment.import.js')).enrollmentImport }),
  settings: healthSettings,
  coverage: healthCoverage,
  demo: async () => (await import('./demo/health.demo.js')).healthDemo,
});

export default healthInsurance;
