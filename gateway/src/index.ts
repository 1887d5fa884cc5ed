export { startGateway, type GatewayOptions, type RunningGateway } from './gateway.js';
export { gatewayEnv, subgraphCallSettings, trustedDocumentsMode, DEFAULT_SUPERGRAPH_PATH, DEFAULT_TRUSTED_DOCUMENTS_DIR, DEFAULT_WEB_DIR } from './env.js';
export { loadManifests, TrustedDocuments, auditToStderr, TRUSTED_DOCUMENTS_MODES, type GatewayAudit, type GatewayAuditEntry, type TrustedDocumentsMode, type TrustedDocumentsCounts } from './trusted-documents.js';
export { DEFAULT_LIMITS, DocumentScreen, type Limits } from './limits.js';
export { WEB_PATH, type DevTokens } from './web.js';
