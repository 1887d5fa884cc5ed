import 'reflect-metadata';
import { Migration20261202124124_housing_repair } from '../migrations/Migration20261202124124_housing_repair.js';
import { AppraisalEntity } from './appraisal/appraisal.entity.js';
import { AppraisalResolver } from './appraisal/appraisal.resolver.js';
import { housingCoverage } from './household-coverage/coverage.js';
import { department } from './department.js';
import { FourZerosResolver } from './four-zeros/four-zeros.resolver.js';
import { unsafeHousing } from './four-zeros/four-zeros.rule.js';
import { HouseholdResolver, HousingResolver } from './housing/housing.resolver.js';
import { createLoaders } from './loaders.js';
import { PriorityResolver } from './priority/priority.resolver.js';
import { RelocationEntity } from './relocation/relocation.entity.js';
import { RelocationResolver } from './relocation/relocation.resolver.js';
import { RenovationEntity } from './renovation/renovation.entity.js';
import { RenovationResolver } from './renovation/renovation.resolver.js';

/** Housing repair (住建): appraisals, renovations, relocation and the priority work list, over the registry's roster. */
export const housingRepair = department.subgraph({
  entities: [AppraisalEntity, RenovationEntity, RelocationEntity],
  migrations: [{ name: 'Migration20261202124124_housing_repair', class: Migration20261202124124_housing_repair }],
  resolvers: [AppraisalResolver, RenovationResolver, RelocationResolver, HouseholdResolver, HousingResolver, PriorityResolver, FourZerosResolver],
  loaders: createLoaders,
  fourZeros: unsafeHousing,
  personalData: ['Household.housing', 'Query.unsafeHousing'],
  imports: async () => ({ appraisals: (await import('./appraisal/appraisal.import.js')).appraisalListImport }),
  coverage: housingCoverage,
  demo: async () => (await import('./demo/housing.demo.js')).housingDemo,
});

export default housingRepair;
