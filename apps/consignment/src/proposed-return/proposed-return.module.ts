import { Module } from '@nestjs/common';
import { UptReturnModule } from '../upt-return/upt-return.module';
import { ProposedReturnController } from './proposed-return.controller';
import { ProposedReturnService } from './proposed-return.service';
import { ProposedReturnStore } from './proposed-return.store';

/** Returns the system proposes (exhibition end, near-expiry) and their confirmation in one action. */
@Module({
  imports: [UptReturnModule],
  controllers: [ProposedReturnController],
  providers: [ProposedReturnService, ProposedReturnStore],
  exports: [ProposedReturnService, ProposedReturnStore],
})
export class ProposedReturnModule {}
