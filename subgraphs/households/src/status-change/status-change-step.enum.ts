import { registerEnumType } from 'type-graphql';

/** Where a proposal stands in its procedure; APPROVED and REJECTED end it. */
export enum StatusChangeStep {
  /** 公示: published in the village, objections recorded (exits only) */
  NOTICE = 'NOTICE',
  /** 乡镇审核: waiting for the township's review (a published exit once its notice period has ended) */
  TOWNSHIP = 'TOWNSHIP',
  /** 县级审定: waiting for the county's decision */
  COUNTY = 'COUNTY',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  /** 撤回: withdrawn by its proposer or the county office before the decision */
  WITHDRAWN = 'WITHDRAWN',
}

export const OPEN_STEPS: readonly StatusChangeStep[] = [StatusChangeStep.NOTICE, StatusChangeStep.TOWNSHIP, StatusChangeStep.COUNTY];

registerEnumType(StatusChangeStep, { name: 'StatusChangeStep', description: '公示 / 乡镇审核 / 县级审定 / 批准 / 退回 / 撤回' });
