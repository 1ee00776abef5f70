import type { UptClass, UptType } from '@titipan/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'upt' })
export class UptEntity {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  type: UptType;

  @Column('text')
  class: UptClass;

  @Column('text', { name: 'kanwil_code' })
  kanwilCode: string;

  @Column('text', { name: 'satker_code' })
  satkerCode: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('text', { name: 'created_by' })
  createdBy: string;
}
