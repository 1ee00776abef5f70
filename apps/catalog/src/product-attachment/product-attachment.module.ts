import { Inject, Module, RequestMethod, type MiddlewareConsumer, type NestModule, type OnApplicationShutdown } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@titipan/platform';
import { DataSource } from 'typeorm';
import type { CatalogConfig } from '../catalog-config';
import { ProductModule } from '../product/product.module';
import { AttachmentBodyMiddleware } from './attachment-body.middleware';
import { ATTACHMENT_STORAGES, type AttachmentStorages } from './attachment-storage';
import type { StorageName } from './domain/attachment';
import { PostgresAttachmentStorage } from './postgres-attachment-storage';
import { ProductAttachmentController } from './product-attachment.controller';
import { ProductAttachmentService } from './product-attachment.service';
import { ProductAttachmentStore } from './product-attachment.store';
import { S3AttachmentStorage } from './s3-attachment-storage';

/**
 * New files go where ATTACHMENT_STORAGE says; a file is read from the store it went to. Postgres is always
 * reachable (it is catalog's own database), an S3 store only while it is configured.
 */
function attachmentStorages(config: CatalogConfig, dataSource: DataSource): AttachmentStorages {
  const postgres = new PostgresAttachmentStorage(dataSource);
  const s3 =
    config.ATTACHMENT_STORAGE === 's3'
      ? new S3AttachmentStorage({
          endpoint: config.S3_ENDPOINT,
          region: config.S3_REGION,
          bucket: config.S3_BUCKET,
          accessKeyId: config.S3_ACCESS_KEY_ID,
          secretAccessKey: config.S3_SECRET_ACCESS_KEY,
          forcePathStyle: config.S3_FORCE_PATH_STYLE,
        })
      : undefined;
  const byName: Record<StorageName, PostgresAttachmentStorage | S3AttachmentStorage | undefined> = { postgres, s3 };
  return { writer: s3 ?? postgres, of: (name) => byName[name] };
}

/** Photos and certificate scans of products: /products/:id/attachments. */
@Module({
  imports: [ProductModule],
  controllers: [ProductAttachmentController],
  providers: [
    ProductAttachmentService,
    ProductAttachmentStore,
    { provide: ATTACHMENT_STORAGES, inject: [PLATFORM_CONFIG, DataSource], useFactory: attachmentStorages },
  ],
})
export class ProductAttachmentModule implements NestModule, OnApplicationShutdown {
  constructor(@Inject(ATTACHMENT_STORAGES) private readonly storages: AttachmentStorages) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AttachmentBodyMiddleware).forRoutes({ path: 'products/:id/attachments', method: RequestMethod.POST });
  }

  onApplicationShutdown(): void {
    const s3 = this.storages.of('s3');
    if (s3 instanceof S3AttachmentStorage) s3.destroy();
  }
}
