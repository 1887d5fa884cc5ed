export { startGateway, type GatewayOptions, type RunningGateway } from './gateway.js';
export { gatewayEnv, subgraphCallSettings, DEFAULT_SUPERGRAPH_PATH } from './env.js';
export { DEFAULT_LIMITS, DocumentScreen, type Limits } from './limits.js';
