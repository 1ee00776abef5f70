import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, Public } from '../auth/auth.guard';
import { NoRateLimit } from '../http/rate-limit';
import { HealthService, READINESS_CACHE_MS } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  @Get('live')
  @Public()
  @NoRateLimit()
  @ApiOperation({ summary: 'Liveness: the process answers (no database or broker call); always 200 {status: up}' })
  live() {
    return { status: 'up' };
  }

  @Get('ready')
  @Public()
  @NoRateLimit()
  @ApiOperation({
    summary: `Readiness: 200 {status: up} when the database answers, else 503 {status: down}; checked at most every ${READINESS_CACHE_MS / 1000} s, calls in between get the last answer`,
  })
  async ready(@Res() response: Response): Promise<void> {
    const readiness = await this.service.ready();
    response.status(readiness.status === 'up' ? 200 : 503).json(readiness);
  }

  @Get()
  @Allow('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Database, broker, outbox backlog and consumer lag (admin); failures as codes, 503 when the database is down' })
  async health(@Res() response: Response): Promise<void> {
    const report = await this.service.report();
    response.status(report.status === 'down' ? 503 : 200).json(report);
  }
}
