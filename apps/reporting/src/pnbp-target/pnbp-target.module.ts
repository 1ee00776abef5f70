import { Module } from '@nestjs/common';
import { DirectoryModule } from '@titipan/directory';
import { PnbpTargetController } from './pnbp-target.controller';
import { PnbpTargetService } from './pnbp-target.service';
import { PnbpTargetStore } from './pnbp-target.store';

/** Yearly PNBP targets per UPT as effective-dated history; the progress report reads them (report/). */
@Module({
  imports: [DirectoryModule],
  controllers: [PnbpTargetController],
  providers: [PnbpTargetService, PnbpTargetStore],
})
export class PnbpTargetModule {}
