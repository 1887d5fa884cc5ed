import 'reflect-metadata';
import { Migration20261202142841_employment } from '../migrations/Migration20261202142841_employment.js';
import { employmentCoverage } from './household-coverage/coverage.js';
import { department } from './department.js';
import { FourZerosResolver } from './four-zeros/four-zeros.resolver.js';
import { zeroEmployment } from './four-zeros/four-zeros.rule.js';
import { EmploymentEntity } from './employment/employment.entity.js';
import { EmploymentResolver } from './employment/employment.resolver.js';
import { HouseholdResolver } from './household/household.resolver.js';
import { IndustrySupportEntity } from './industry-support/industry-support.entity.js';
import { IndustrySupportResolver } from './industry-support/industry-support.resolver.js';
import { createLoaders } from './loaders.js';
import { MemberResolver } from './member/member.resolver.js';
import { TrainingEntity } from './training/training.entity.js';
import { TrainingResolver } from './training/training.resolver.js';
import { WithoutWorkResolver } from './without-work/without-work.resolver.js';
import { ZeroEmploymentResolver } from './zero-employment/zero-employment.resolver.js';

/** Employment (人社): employment per person and year, trainings, industry support, the zero-employment and without-work lists, over the registry's roster. */
export const employment = department.subgraph({
  entities: [EmploymentEntity, TrainingEntity, IndustrySupportEntity],
  migrations: [{ name: 'Migration20261202142841_employment', class: Migration20261202142841_employment }],
  resolvers: [EmploymentResolver, TrainingResolver, IndustrySupportResolver, MemberResolver, HouseholdResolver, ZeroEmploymentResolver, WithoutWorkResolver, FourZerosResolver],
  loaders: createLoaders,
  fourZeros: zeroEmployment,
  personalData: ['Member.employment', 'Member.trainings', 'Household.industrySupport', 'Query.zeroEmploymentHouseholds', 'Query.membersWithoutWork'],
  imports: async () => ({ 'migrant-workers': (await import('./employment/employment.import.js')).migrantWorkerImport }),
  coverage: employmentCoverage,
  demo: async () => (await import('./demo/employment.demo.js')).employmentDemo,
});

export default employment;
