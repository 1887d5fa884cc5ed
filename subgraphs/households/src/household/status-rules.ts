import { PovertyStatus } from './household.enums.js';

const { POOR, LIFTED, RELAPSED, MONITORED, REMOVED } = PovertyStatus;

/** Dynamic management (动态管理): every other change is refused. */
export const ALLOWED_CHANGES: Readonly<Record<PovertyStatus, readonly PovertyStatus[]>> = {
  [POOR]: [LIFTED, REMOVED],
  [RELAPSED]: [LIFTED],
  [LIFTED]: [RELAPSED, MONITORED],
  [MONITORED]: [POOR, LIFTED],
  [REMOVED]: [],
};

export const isAllowedChange = (from: PovertyStatus, to: PovertyStatus) => ALLOWED_CHANGES[from].includes(to);

/**
 * The changes the county office makes directly (changeHouseholdStatus): monitoring starts after
 * an exit, or ends for a once-lifted household. Every other allowed change is decided by the
 * county through its procedure (ProposeStatusChange): exit, relapse, removal, and an at-risk
 * household found poor.
 */
export const isDirectChange = (from: PovertyStatus, to: PovertyStatus) => (from === LIFTED && to === MONITORED) || (from === MONITORED && to === LIFTED);

/** An exit (脱贫): the exit standard is checked, and the change is published first (公示). */
export const isExit = (to: PovertyStatus) => to === LIFTED;
