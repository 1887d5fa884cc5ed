import { buildFederatedSchema, type FederatedSchema } from '@fupin/kit';
import { ClaimResolver } from './claim/claim.resolver.js';
import { EnrollmentResolver } from './enrollment/enrollment.resolver.js';
import { FamilyDoctorResolver } from './family-doctor/family-doctor.resolver.js';
import { householdReference } from './household/household.reference.js';
import { HouseholdResolver } from './household/household.resolver.js';
import { Household } from './household/household.type.js';
import { memberReference } from './member/member.reference.js';
import { MemberResolver } from './member/member.resolver.js';
import { Member } from './member/member.type.js';

let built: Promise<FederatedSchema> | undefined;

/** Built once per process. */
export function healthInsuranceSchema(): Promise<FederatedSchema> {
  built ??= buildFederatedSchema(
    {
      resolvers: [EnrollmentResolver, ClaimResolver, FamilyDoctorResolver, MemberResolver, HouseholdResolver],
      // The registry's entities this subgraph extends: no query of its own returns them.
      orphanedTypes: [Member, Household],
    },
    { ...memberReference, ...householdReference },
  );
  return built;
}
