import 'reflect-metadata';
import { bootstrapService } from '@titipan/platform';
import { AppModule } from './app.module';
import { CatalogConfig } from './catalog-config';

void bootstrapService(AppModule, 'catalog', CatalogConfig);
