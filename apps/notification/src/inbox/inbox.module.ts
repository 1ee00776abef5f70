import { Module } from '@nestjs/common';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { InboxStore } from './inbox.store';

@Module({ controllers: [InboxController], providers: [InboxService, InboxStore] })
export class InboxModule {}
