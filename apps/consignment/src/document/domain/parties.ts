import type { Party } from './printed-document';

/** The UPT as consignment's replica of the directory has it; a UPT not replicated yet prints under its code. */
export interface UptFacts {
  code: string;
  name: string | null;
  satkerCode: string | null;
  kanwilName: string | null;
}

/** The venue as consignment registered it. */
export interface VenueFacts {
  code: string;
  name: string;
  partnerAgency: string;
  kanwilName: string | null;
  timeZone: string;
}

/**
 * Both parties as printed: name, code and what places them. Consignment keeps no postal addresses (neither the
 * directory's UPT events nor a venue's registration carry one), so a party is placed by its Kanwil, its satker
 * code (UPT) or its partner agency (venue).
 */
export function uptParty(u: UptFacts): Party {
  return {
    code: u.code,
    name: u.name ?? u.code,
    details: [...(u.satkerCode ? [`Kode satker: ${u.satkerCode}`] : []), ...(u.kanwilName ? [u.kanwilName] : [])],
  };
}

export function venueParty(v: VenueFacts): Party {
  return { code: v.code, name: v.name, details: [`Mitra: ${v.partnerAgency}`, ...(v.kanwilName ? [v.kanwilName] : [])] };
}
