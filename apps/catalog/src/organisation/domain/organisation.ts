import type { UptClass, UptType } from '@titipan/contracts';

/** A regional office of Ditjenpas (Kantor Wilayah). */
export interface Kanwil {
  code: string;
  name: string;
  createdAt: Date;
  createdBy: string;
}

/** A correctional unit (Unit Pelaksana Teknis) under a Kanwil. */
export interface Upt {
  code: string;
  name: string;
  type: UptType;
  class: UptClass;
  kanwilCode: string;
  /** satuan kerja code, 6 digits, unique */
  satkerCode: string;
  createdAt: Date;
  createdBy: string;
}
