import base from '../../tools/jest.preset.mjs';

// No globalSetup: startTestHub starts its own PostgreSQL when none is given, as a consumer's run would.
export default { ...base, maxWorkers: 1 };
