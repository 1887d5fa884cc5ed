import { findRows, manyLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { StatusChangeObjectionEntity, StatusChangeProposalEntity } from './status-change-proposal.entity.js';

export function statusChangeLoaders(em: EntityManager) {
  return {
    proposalsByHousehold: manyLoader(
      (ids: readonly string[]) => findRows(em, StatusChangeProposalEntity, { householdId: { $in: [...ids] } }, { proposedAt: 'asc', id: 'asc' }),
      (p) => p.householdId,
    ),
    objectionsByProposal: manyLoader(
      (ids: readonly string[]) => findRows(em, StatusChangeObjectionEntity, { proposalId: { $in: [...ids] } }, { id: 'asc' }),
      (o) => o.proposalId,
    ),
  };
}
