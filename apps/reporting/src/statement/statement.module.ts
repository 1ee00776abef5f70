import { Module } from '@nestjs/common';
import { DirectoryModule } from '@titipan/directory';
import { ExportController } from '../export/export.controller';
import { ProductDimHandler } from '../product-dim/product-dim';
import { SplitPolicyService } from '../split-policy/split-policy';
import { SourceEventsStore } from './persistence/source-events.store';
import { StatementRepository } from './persistence/statement.repository';
import { StatementSourceHandler } from './statement-source.handler';
import { StatementController } from './statement.controller';
import { StatementService } from './statement.service';

@Module({
  imports: [DirectoryModule],
  controllers: [StatementController, ExportController],
  providers: [StatementService, StatementRepository, SourceEventsStore, SplitPolicyService, StatementSourceHandler, ProductDimHandler],
})
export class StatementModule {}
