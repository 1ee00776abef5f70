import 'reflect-metadata';
import { bootstrapService } from '@titipan/platform';
import { AppModule } from './app.module';

void bootstrapService(AppModule, 'catalog');
