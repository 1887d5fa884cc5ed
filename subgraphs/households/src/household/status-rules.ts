import { PovertyStatus } from './household.enums.js';

const { POOR, LIFTED, RELAPSED, MONITORED } = PovertyStatus;

/** Dynamic management (动态管理): every other change is refused. */
export const ALLOWED_CHANGES: Readonly<Record<PovertyStatus, readonly PovertyStatus[]>> = {
  [POOR]: [LIFTED],
  [RELAPSED]: [LIFTED],
  [LIFTED]: [RELAPSED, MONITORED],
  [MONITORED]: [POOR],
};

export const isAllowedChange = (from: PovertyStatus, to: PovertyStatus) => ALLOWED_CHANGES[from].includes(to);
