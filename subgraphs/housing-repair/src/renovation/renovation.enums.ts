import { registerEnumType } from 'type-graphql';

export enum RenovationKind {
  /** 修缮加固: makes a C house safe */
  REPAIR = 'REPAIR',
  /** 拆除重建: the only remedy for a D house */
  REBUILD = 'REBUILD',
}

/** In the order a renovation goes through; it moves forward only. */
export enum RenovationStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  /** 竣工验收 */
  ACCEPTED = 'ACCEPTED',
}

export const RENOVATION_ORDER: readonly RenovationStatus[] = [RenovationStatus.PLANNED, RenovationStatus.IN_PROGRESS, RenovationStatus.COMPLETED, RenovationStatus.ACCEPTED];

registerEnumType(RenovationKind, { name: 'RenovationKind', description: 'Repair and reinforce (修缮加固) or demolish and rebuild (拆除重建)' });
registerEnumType(RenovationStatus, { name: 'RenovationStatus', description: 'PLANNED → IN_PROGRESS → COMPLETED → ACCEPTED, forward only' });
