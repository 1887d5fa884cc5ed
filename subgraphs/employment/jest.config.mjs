export { withDatabase as default } from '../../tools/jest.preset.mjs';
