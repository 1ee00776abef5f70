import 'reflect-metadata';
import { bootstrapService } from '@titipan/platform';
import { AppModule } from './app.module';
import { NotificationConfig } from './notification-config';

void bootstrapService(AppModule, 'notification', NotificationConfig);
