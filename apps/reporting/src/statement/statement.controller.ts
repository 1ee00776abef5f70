import { DomainError } from '@titipan/kernel';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DATE_PATTERN, PERIOD_FORMAT, type Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor, OrgPageQueryDto, UnitOfWork } from '@titipan/platform';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { CreateSplitPolicyDto, SplitPolicyService } from '../split-policy/split-policy';
import { StatementService } from './statement.service';

class StatementQueryDto extends OrgPageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agreement?: string;

  @ApiPropertyOptional({ example: '2026-11' })
  @IsOptional()
  @Matches(PERIOD_FORMAT)
  period?: string;

  @ApiPropertyOptional({ enum: ['PENDING', 'ISSUED', 'PAID', 'DEPOSITED'] })
  @IsOptional()
  @IsIn(['PENDING', 'ISSUED', 'PAID', 'DEPOSITED'])
  status?: 'PENDING' | 'ISSUED' | 'PAID' | 'DEPOSITED';
}

class PaymentDto {
  @ApiProperty({ description: "the statement's proceeds, exactly, whole rupiah" })
  @IsInt()
  @Min(0)
  amount: number;

  @ApiProperty({ example: '2026-12-05' })
  @Matches(DATE_PATTERN)
  paidOn: string;

  @ApiProperty({ example: 'BRI-20261205-778812' })
  @IsString()
  @Length(1, 100)
  transferReference: string;
}

class DepositDto {
  @ApiProperty({ example: '820261205000123', description: 'SIMPONI billing code, 15 digits' })
  @Matches(/^\d{15}$/, { message: 'simponiBillingCode must be 15 digits' })
  simponiBillingCode: string;

  @ApiProperty({ example: 'A1B2C3D4E5F6G7H8', description: 'NTPN on the payment proof, 16 characters' })
  @Matches(/^[A-Z0-9]{16}$/, { message: 'ntpn must be 16 letters or digits' })
  ntpn: string;

  @ApiProperty({ example: '2026-12-08' })
  @Matches(DATE_PATTERN)
  depositedOn: string;
}

@ApiTags('statements')
@ApiBearerAuth()
@Controller()
export class StatementController {
  constructor(
    private readonly statements: StatementService,
    private readonly policies: SplitPolicyService,
    private readonly uow: UnitOfWork,
  ) {}

  @Get('statements')
  @AnyActor()
  @ApiOperation({ summary: "Settlement statements in the caller's scope; paged" })
  list(@Query() query: StatementQueryDto, @CurrentActor() actor: Actor) {
    return this.statements.list(query, actor);
  }

  @Get('statements/:id')
  @AnyActor()
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
  forPeriod(@Param('id', ParseUUIDPipe) id: string, @Param('period') period: string, @CurrentActor() actor: Actor) {
    if (!PERIOD_FORMAT.test(period))
      throw new DomainError('validation', 'VALIDATION_FAILED', 'period must be YYYY-MM', {
        fields: [{ field: 'period', rule: 'matches' }],
      });
    return this.statements.forPeriod(id, period, actor);
  }

  @Post('statements/:id/payments')
  @Allow('venue')
  @ApiOperation({ summary: 'The venue records its transfer of the proceeds (ISSUED → PAID)' })
  pay(@Param('id', ParseUUIDPipe) id: string, @Body() body: PaymentDto, @CurrentActor() actor: Actor) {
    return this.statements.pay(id, body, actor);
  }

  @Post('statements/:id/deposits')
  @Allow('upt')
  @ApiOperation({ summary: 'The UPT records the PNBP deposit (PAID → DEPOSITED)' })
  deposit(@Param('id', ParseUUIDPipe) id: string, @Body() body: DepositDto, @CurrentActor() actor: Actor) {
    return this.statements.deposit(id, body, actor);
  }

  @Post('split-policies')
  @Allow('ministry')
  @ApiOperation({ summary: 'Set a proceeds split (national default without uptCode), effective from a date; pending statements retry' })
  createPolicy(@Body() body: CreateSplitPolicyDto, @CurrentActor() actor: Actor) {
    return this.uow.run(async (tx) => {
      const policy = await this.policies.create(body, actor, tx.manager);
      await this.statements.retryPending(tx);
      return policy;
    });
  }

  @Get('split-policies')
  @AnyActor()
  @ApiOperation({ summary: "Split policies (a UPT's own and the national defaults)" })
  policiesOf(@Query('upt') upt?: string) {
    return this.policies.list(upt);
  }
}
