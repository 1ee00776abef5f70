import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UptFacts, VenueFacts } from './domain/parties';

/** The parties of a document: the venue from consignment's own table, the UPT and Kanwils from its directory replica. */
@Injectable()
export class DocumentQueries {
  constructor(private readonly dataSource: DataSource) {}

  async parties(uptCode: string, venueCode: string): Promise<{ upt: UptFacts; venue: VenueFacts }> {
    const [row] = await this.dataSource.query<
      (VenueFacts & { uptName: string | null; satkerCode: string | null; uptKanwilName: string | null })[]
    >(
      `SELECT v.code, v.name, v.partner_agency AS "partnerAgency", v.time_zone AS "timeZone", kv.name AS "kanwilName",
              u.name AS "uptName", u.satker_code AS "satkerCode", ku.name AS "uptKanwilName"
         FROM venue v
         LEFT JOIN kanwil_replica kv ON kv.code = v.kanwil_code
         LEFT JOIN upt_replica u ON u.code = $2
         LEFT JOIN kanwil_replica ku ON ku.code = u.kanwil_code
        WHERE v.code = $1`,
      [venueCode, uptCode],
    );
    const { uptName, satkerCode, uptKanwilName, ...venue } = row;
    return { upt: { code: uptCode, name: uptName, satkerCode, kanwilName: uptKanwilName }, venue };
  }
}
