import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor } from '@titipan/platform';
import { AgreementPeriodParams, DepositDto, PaymentDto, StatementPage, StatementQueryDto, StatementResponse } from './statement.dto';
import { StatementService } from './statement.service';

@ApiTags('statements')
@ApiBearerAuth()
@Controller()
export class StatementController {
  constructor(private readonly statements: StatementService) {}

  @Get('statements')
  @AnyActor()
  @ApiOperation({ summary: "Settlement statements in the caller's scope; paged" })
  @ApiOkResponse({ type: StatementPage })
  list(@Query() query: StatementQueryDto, @CurrentActor() actor: Actor) {
    return this.statements.list(query, actor);
  }

  @Get('statements/:id')
  @AnyActor()
  @ApiOkResponse({ type: StatementResponse })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.statements.get(id, actor);
  }

  @Get('statements/:id/verify')
  @AnyActor()
  @ApiOperation({ summary: 'Recompute an issued statement from the stored events and check its SHA-256 digest' })
  verify(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.statements.verify(id, actor);
  }

  @Get('agreements/:id/periods/:period/statement')
  @AnyActor()
  @ApiOperation({ summary: 'The statement of an agreement-month: issued, or live draft figures while the month is open' })
  forPeriod(@Param() { id, period }: AgreementPeriodParams, @CurrentActor() actor: Actor) {
    return this.statements.forPeriod(id, period, actor);
  }

  @Post('statements/:id/payments')
  @Allow('venue')
  @ApiOperation({ summary: 'The venue records its transfer of the proceeds (ISSUED → PAID); 201, the payment is a new record' })
  @ApiCreatedResponse({ type: StatementResponse })
  pay(@Param('id', ParseUUIDPipe) id: string, @Body() body: PaymentDto, @CurrentActor() actor: Actor) {
    return this.statements.pay(id, body, actor);
  }

  @Post('statements/:id/deposits')
  @Allow('upt')
  @ApiOperation({ summary: 'The UPT records the PNBP deposit (PAID → DEPOSITED); 201, the deposit is a new record' })
  @ApiCreatedResponse({ type: StatementResponse })
  deposit(@Param('id', ParseUUIDPipe) id: string, @Body() body: DepositDto, @CurrentActor() actor: Actor) {
    return this.statements.deposit(id, body, actor);
  }
}
