import { buildFederatedSchema, type FederatedSchema } from '@fupin/kit';
import { AuditResolver } from './audit/audit.resolver.js';
import { householdReference } from './household/household.reference.js';
import { HouseholdResolver } from './household/household.resolver.js';
import { memberReference } from './member/member.reference.js';
import { MemberResolver } from './member/member.resolver.js';
import { regionReference } from './region/region.reference.js';
import { RegionResolver } from './region/region.resolver.js';

let built: Promise<FederatedSchema> | undefined;

/** Built once per process. */
export function householdsSchema(): Promise<FederatedSchema> {
  built ??= buildFederatedSchema(
    { resolvers: [RegionResolver, HouseholdResolver, MemberResolver, AuditResolver] },
    { ...regionReference, ...householdReference, ...memberReference },
  );
  return built;
}
