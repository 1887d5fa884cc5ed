import { EnvError, onShutdown } from '@fupin/kit';
import { gatewayEnv } from './env.js';
import { startGateway } from './gateway.js';

let settings;
try {
  settings = gatewayEnv();
} catch (err) {
  if (!(err instanceof EnvError)) throw err;
  console.error(err.message);
  process.exit(78);
}
const gateway = await startGateway(settings);
console.log(`gateway at ${gateway.graphqlUrl}`);
onShutdown(gateway.stop);
