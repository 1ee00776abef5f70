import { Injectable } from '@nestjs/common';
import type { Actor } from '@titipan/contracts';
import { DomainError, newId, refuse } from '@titipan/kernel';
import { UnitOfWork, type Page } from '@titipan/platform';
import { StatementService } from '../statement/statement.service';
import type { SplitPolicy } from './domain/split-policy';
import { SPLIT_POLICY_REFUSAL_KIND, splitPolicyRefusal } from './domain/split-policy-rules';
import type { CreateSplitPolicyDto } from './split-policy.dto';
import { SplitPolicyStore } from './split-policy.store';

/** Effective-dated proceeds splits per UPT, with a national default set by the ministry. */
@Injectable()
export class SplitPolicyService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly store: SplitPolicyStore,
    private readonly statements: StatementService,
  ) {}

  /** Sets a policy; statements pending for want of one are retried in the same transaction. */
  create(input: CreateSplitPolicyDto, actor: Actor): Promise<SplitPolicy> {
    const refusal = splitPolicyRefusal(input.shares);
    if (refusal) refuse(refusal, SPLIT_POLICY_REFUSAL_KIND);
    return this.uow.run(async (tx) => {
      const policy: SplitPolicy = { id: newId(), uptCode: input.uptCode ?? null, effectiveFrom: input.effectiveFrom, shares: input.shares };
      if (!(await this.store.insert(tx.manager, policy, actor.id))) {
        throw new DomainError(
          'conflict',
          'POLICY_EXISTS',
          `a policy for ${input.uptCode ?? 'the national default'} from ${input.effectiveFrom} exists; policies are never rewritten`,
          { effectiveFrom: input.effectiveFrom },
        );
      }
      tx.audit({
        entity: 'split-policy',
        id: policy.id,
        action: 'reporting.split-policy.created',
        after: policy,
        scopeKey: policy.uptCode,
      });
      await this.statements.retryPending(tx);
      return policy;
    });
  }

  async list(query: { upt?: string; limit: number; offset: number }): Promise<Page<SplitPolicy>> {
    const { items, total } = await this.store.list({ uptCode: query.upt, limit: query.limit, offset: query.offset });
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
