import { registerEnumType } from 'type-graphql';

export enum ClaimKind {
  INPATIENT = 'INPATIENT',
  OUTPATIENT = 'OUTPATIENT',
}

registerEnumType(ClaimKind, { name: 'ClaimKind' });
