import 'reflect-metadata';
import { Migration20261202114047_education_aid } from '../migrations/Migration20261202114047_education_aid.js';
import { educationCoverage } from './household-coverage/coverage.js';
import { department } from './department.js';
import { FourZerosResolver } from './four-zeros/four-zeros.resolver.js';
import { dropoutMembers } from './four-zeros/four-zeros.rule.js';
import { DropoutResolver } from './dropout/dropout.resolver.js';
import { GrantEntity } from './grant/grant.entity.js';
import { GrantResolver } from './grant/grant.resolver.js';
import { createLoaders } from './loaders.js';
import { MemberResolver } from './member/member.resolver.js';
import { SchoolingEntity } from './schooling/schooling.entity.js';
import { SchoolingResolver } from './schooling/schooling.resolver.js';

/** Education aid (教育): schooling per school year, grants, the dropout roster, over the registry's roster. */
export const educationAid = department.subgraph({
  entities: [SchoolingEntity, GrantEntity],
  migrations: [{ name: 'Migration20261202114047_education_aid', class: Migration20261202114047_education_aid }],
  resolvers: [SchoolingResolver, GrantResolver, DropoutResolver, MemberResolver, FourZerosResolver],
  loaders: createLoaders,
  fourZeros: dropoutMembers,
  personalData: ['Member.schooling', 'Member.grants', 'Query.dropouts'],
  imports: async () => {
    const [{ schoolRollImport }, { grantListImport }] = await Promise.all([import('./schooling/schooling.import.js'), import('./grant/grant.import.js')]);
    return { 'school-roll': schoolRollImport, grants: grantListImport };
  },
  coverage: educationCoverage,
  demo: async () => (await import('./demo/education.demo.js')).educationDemo,
});

export default educationAid;
