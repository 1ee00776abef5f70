import { ApiClient, caller } from '../demo/api-client';

/** The venue of the reference data (the Tangerang Imigrasi lounge of the news articles), as consignment registers it. */
export const TANGERANG_LOUNGE = {
  code: 'IMI-TGR-LOUNGE',
  name: 'Gerai UMKM WBP, Lounge Layanan Publik Kantor Imigrasi Khusus Tangerang',
  partnerAgency: 'Kantor Imigrasi Kelas I Khusus TPI Tangerang',
  type: 'immigration-lounge',
  kanwilCode: 'KW-BANTEN',
  timeZone: 'Asia/Jakarta',
  collectiveOutlet: true,
} as const;

/**
 * Registers the reference venue with consignment as an admin, unless it is there (409). Its Kanwil must have
 * reached consignment first (seedCatalog, then the directory replica).
 */
export async function seedVenues(consignmentUrl: string, log: (line: string) => void = () => undefined): Promise<void> {
  const consignment = new ApiClient('consignment', consignmentUrl);
  const answer = await consignment.call('POST', '/venues', caller('admin'), TANGERANG_LOUNGE);
  if (answer.status !== 201 && answer.status !== 409) {
    throw new Error(`POST /venues ${TANGERANG_LOUNGE.code} answered ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  log(`venue ${TANGERANG_LOUNGE.code}: ${answer.status === 201 ? 'registered' : 'already registered'}`);
}
