import { Module } from '@nestjs/common';
import { NoticeScans } from './notice-scans';
import { NoticeListener } from './notice.listener';
import { NoticeStore } from './notice.store';
import { ReplicaStore } from './replica.store';

@Module({
  controllers: [NoticeListener],
  providers: [NoticeStore, ReplicaStore, NoticeScans],
})
export class NoticeModule {}
