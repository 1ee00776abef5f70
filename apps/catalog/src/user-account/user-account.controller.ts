import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiCreatedResponse } from '@nestjs/swagger';
import { Allow } from '@titipan/platform';
import { CreateUserAccountDto, SetPasswordDto, UserAccountQueryDto, UserAccountView, UsernameParamDto } from './user-account.dto';
import { UserAccountService } from './user-account.service';

@ApiTags('user-accounts')
@ApiBearerAuth()
@Controller('user-accounts')
@Allow('admin')
export class UserAccountController {
  constructor(private readonly accounts: UserAccountService) {}

  @Post()
  @ApiOperation({ summary: 'Create a person with one role and, for scoped roles, an existing UPT, Kanwil or venue code (admin)' })
  @ApiCreatedResponse({ type: UserAccountView })
  create(@Body() body: CreateUserAccountDto) {
    return this.accounts.create(body);
  }

  @Get()
  @ApiOperation({ summary: "People's accounts, by username, optionally of one role or scope code; paged (admin)" })
  list(@Query() query: UserAccountQueryDto) {
    return this.accounts.list(query);
  }

  @Get(':username')
  @ApiOperation({ summary: 'One account (admin)' })
  @ApiOkResponse({ type: UserAccountView })
  get(@Param() { username }: UsernameParamDto) {
    return this.accounts.get(username);
  }

  @Post(':username/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account and end its sessions: its refresh tokens stop working (admin)' })
  @ApiOkResponse({ type: UserAccountView })
  disable(@Param() { username }: UsernameParamDto) {
    return this.accounts.disable(username);
  }

  @Post(':username/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable an account again (admin)' })
  @ApiOkResponse({ type: UserAccountView })
  enable(@Param() { username }: UsernameParamDto) {
    return this.accounts.enable(username);
  }

  @Post(':username/password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a password, or generate a temporary one answered once as initialPassword (admin)' })
  setPassword(@Param() { username }: UsernameParamDto, @Body() body: SetPasswordDto) {
    return this.accounts.setPassword(username, body.password, body.temporary);
  }
}
