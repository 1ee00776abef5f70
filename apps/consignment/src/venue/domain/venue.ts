import type { VenueRegisteredV1 } from '@titipan/contracts';

/** A partner venue: what it registered with, and when. */
export type Venue = VenueRegisteredV1 & { createdAt: string };
