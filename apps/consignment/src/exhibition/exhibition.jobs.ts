import { newId } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { systemActor } from '@titipan/contracts';
import { cronSlot, runInContext, RunOnce } from '@titipan/platform';
import { ExhibitionService } from './exhibition.service';

/** The automatic close of event periods whose return window has ended, hourly, as the system actor. */
@Injectable()
export class ExhibitionJobs {
  constructor(
    private readonly exhibitions: ExhibitionService,
    private readonly once: RunOnce,
  ) {}

  @Cron('5 * * * *', { name: 'exhibition-auto-close' })
  hourly() {
    // every instance fires; only the one that claims the hour's slot closes
    return this.once.run('exhibition-auto-close', cronSlot(new Date()), () =>
      runInContext({ correlationId: `exhibition-auto-close-${newId()}`, actor: systemActor('consignment') }, () =>
        this.exhibitions.closeDue(),
      ),
    );
  }
}
