import { Module } from '@nestjs/common';
import { NoticeJobs } from './notice.jobs';
import { NoticeListener } from './notice.listener';
import { NoticeStore } from './notice.store';
import { ReplicaStore } from './replica.store';

@Module({
  controllers: [NoticeListener],
  providers: [NoticeStore, ReplicaStore, NoticeJobs],
})
export class NoticeModule {}
