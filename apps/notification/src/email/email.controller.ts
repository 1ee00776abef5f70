import { Controller, Get } from '@nestjs/common';
import { Public } from '@titipan/platform';
import { EmailRelay } from './email-relay';

/** Whether e-mail is on (an SMTP server configured) and how many mails wait: beside the platform's health. */
@Controller('health')
export class EmailController {
  constructor(private readonly relay: EmailRelay) {}

  @Get('email')
  @Public()
  email() {
    return this.relay.status();
  }
}
