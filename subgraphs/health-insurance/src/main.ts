import { runSubgraphMain } from '@fupin/kit';
import { healthInsurance } from './index.js';

await runSubgraphMain(healthInsurance);
