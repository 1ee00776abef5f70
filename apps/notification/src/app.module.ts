import { Module } from '@nestjs/common';
import { DirectoryModule } from '@titipan/directory';
import { PlatformModule } from '@titipan/platform';
import { AuditScopeStore } from './audit/audit-scope.store';
import { NOTIFICATION_MIGRATIONS } from './database/migrations';
import { NotificationConfig } from './notification-config';
import { EmailModule } from './email/email.module';
import { InboxModule } from './inbox/inbox.module';
import { NoticeModule } from './notice/notice.module';
import { PreferenceModule } from './preference/preference.module';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'notification',
      configClass: NotificationConfig,
      migrations: NOTIFICATION_MIGRATIONS,
      auditScopes: AuditScopeStore,
    }),
    DirectoryModule,
    NoticeModule,
    InboxModule,
    PreferenceModule,
    EmailModule,
  ],
})
export class AppModule {}
