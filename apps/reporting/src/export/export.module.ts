import { Module } from '@nestjs/common';
import { DirectoryModule } from '@titipan/directory';
import { ProductDimModule } from '../product-dim/product-dim.module';
import { StatementModule } from '../statement/statement.module';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';

@Module({
  imports: [DirectoryModule, StatementModule, ProductDimModule],
  controllers: [ExportController],
  providers: [ExportService],
})
export class ExportModule {}
