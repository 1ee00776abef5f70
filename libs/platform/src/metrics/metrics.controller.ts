import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/auth.guard';
import { MetricsService } from './metrics.service';

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Allow('admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Prometheus metrics (admin, as the detailed health): HTTP latency, consumer lag, outbox backlog, event counters, relay leadership',
  })
  async scrape(@Res() response: Response): Promise<void> {
    const text = await this.metrics.scrape();
    response.status(200).type(this.metrics.contentType).send(text);
  }
}
