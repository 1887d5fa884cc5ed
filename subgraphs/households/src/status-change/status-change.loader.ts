import { findRows, manyLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { StatusChangeObjectionEntity } from './status-change-proposal.entity.js';

export function statusChangeLoaders(em: EntityManager) {
  return {
    objectionsByProposal: manyLoader(
      (ids: readonly string[]) => findRows(em, StatusChangeObjectionEntity, { proposalId: { $in: [...ids] } }, { id: 'asc' }),
      (o) => o.proposalId,
    ),
  };
}
