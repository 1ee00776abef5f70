import 'reflect-metadata';
import { bootstrapService } from '@titipan/platform';
import { AppModule } from './app.module';
import { ConsignmentConfig } from './consignment-config';

void bootstrapService(AppModule, 'consignment', ConsignmentConfig);
