import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DirectoryController } from './directory.controller';
import { DirectoryListener } from './directory.listener';
import { DirectoryService } from './directory.service';
import { DirectoryStore } from './directory.store';

/**
 * Replica of catalog's Kanwil/UPT master data for consignment and reporting. Add
 * DirectoryTables to the service's migrations; DirectoryListener is its consumer group (directory-replica).
 */
@Module({
  controllers: [DirectoryController, DirectoryListener],
  providers: [{ provide: DirectoryStore, useFactory: (ds: DataSource) => new DirectoryStore(ds), inject: [DataSource] }, DirectoryService],
  exports: [DirectoryStore],
})
export class DirectoryModule {}
