import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class HealthStore {
  constructor(private readonly dataSource: DataSource) {}

  /** One round trip to the database. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
