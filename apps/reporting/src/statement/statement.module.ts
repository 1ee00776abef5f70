import { Module } from '@nestjs/common';
import { SplitPolicyService } from '../split-policy/split-policy';
import { SourceEventsStore } from './persistence/source-events.store';
import { StatementRepository } from './persistence/statement.repository';
import { StatementSourceHandler } from './statement-source.handler';
import { StatementController } from './statement.controller';
import { StatementService } from './statement.service';

@Module({
  controllers: [StatementController],
  providers: [StatementService, StatementRepository, SourceEventsStore, SplitPolicyService, StatementSourceHandler],
})
export class StatementModule {}
