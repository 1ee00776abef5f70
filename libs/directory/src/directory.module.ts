import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DirectoryController } from './directory.controller';
import { DirectoryReplicaHandler } from './directory.listener';
import { DirectoryService } from './directory.service';
import { DirectoryStore } from './directory.store';

/**
 * Replica of catalog's Kanwil/UPT master data for consignment and reporting. Add
 * DirectoryTables to the service's migrations and DirectoryReplicaHandler to its handlers.
 */
@Module({
  controllers: [DirectoryController],
  providers: [
    { provide: DirectoryStore, useFactory: (ds: DataSource) => new DirectoryStore(ds), inject: [DataSource] },
    DirectoryService,
    DirectoryReplicaHandler,
  ],
  exports: [DirectoryStore, DirectoryReplicaHandler],
})
export class DirectoryModule {}
