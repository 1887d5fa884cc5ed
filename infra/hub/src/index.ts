export { startHub, databaseName, type RunningHub } from './hub.js';
export { hubSettings, REPO_ROOT, type HubSettings } from './settings.js';
export { loadDemo, type DemoPlan } from './demo.js';
