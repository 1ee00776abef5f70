import { Module } from '@nestjs/common';
import { EmailController } from './email.controller';
import { EmailOutboxStore } from './email-outbox.store';
import { EmailRelay } from './email-relay';

@Module({
  controllers: [EmailController],
  providers: [EmailOutboxStore, EmailRelay],
})
export class EmailModule {}
