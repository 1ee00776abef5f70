import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.guard';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Database, broker, outbox backlog and consumer lag' })
  async health(@Res() response: Response): Promise<void> {
    const report = await this.service.report();
    response.status(report.status === 'down' ? 503 : 200).json(report);
  }
}
