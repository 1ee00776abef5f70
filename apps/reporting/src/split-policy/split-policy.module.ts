import { Module } from '@nestjs/common';
import { StatementModule } from '../statement/statement.module';
import { SplitPolicyController } from './split-policy.controller';
import { SplitPolicyService } from './split-policy.service';
import { SplitPolicyStore } from './split-policy.store';

@Module({
  imports: [StatementModule],
  controllers: [SplitPolicyController],
  providers: [SplitPolicyService, SplitPolicyStore],
})
export class SplitPolicyModule {}
