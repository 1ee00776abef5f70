import { Module } from '@nestjs/common';
import { SplitPolicyStore } from '../split-policy/split-policy.store';
import { SourceEventsStore } from './source-events.store';
import { StatementController } from './statement.controller';
import { StatementService } from './statement.service';
import { StatementStore } from './statement.store';

@Module({
  controllers: [StatementController],
  // statements read the split policy in effect; the split-policy feature sets policies and retries through StatementService
  providers: [
    StatementService,
    StatementStore,
    { provide: SourceEventsStore, useFactory: () => new SourceEventsStore() },
    SplitPolicyStore,
  ],
  exports: [StatementService, SourceEventsStore],
})
export class StatementModule {}
