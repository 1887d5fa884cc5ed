import { onShutdown, settingsOrExit } from '@fupin/kit';
import { gatewayEnv } from './env.js';
import { startGateway } from './gateway.js';

const gateway = await startGateway(settingsOrExit(() => gatewayEnv()));
console.log(`gateway at ${gateway.graphqlUrl}`);
onShutdown(gateway.stop);
