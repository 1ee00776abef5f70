import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DirectoryController } from './directory.controller';
import { DirectoryListener } from './directory.listener';
import { DirectoryService } from './directory.service';
import { DirectoryStore } from './directory.store';

/**
 * Replica of catalog's Kanwil/UPT master data for consignment and reporting. Add
 * DirectoryTables to the service's migrations and DirectoryListener to its handlers.
 */
@Module({
  controllers: [DirectoryController],
  providers: [
    { provide: DirectoryStore, useFactory: (ds: DataSource) => new DirectoryStore(ds), inject: [DataSource] },
    DirectoryService,
    DirectoryListener,
  ],
  exports: [DirectoryStore, DirectoryListener],
})
export class DirectoryModule {}
