import { runSubgraphMain } from '@fupin/kit';
import { households } from './index.js';

await runSubgraphMain(households);
