import base from '../../tools/jest.preset.mjs';

// Each test here starts a whole hub with its own PostgreSQL (one builds a copy of the
// repository first): one at a time, so neither starves the other on two cores.
export default { ...base, maxWorkers: 1 };
