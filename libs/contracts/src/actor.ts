/** Who caused something: the authenticated caller of an API, or a service acting on its own. */
export const ACTOR_ROLES = ['upt', 'curator', 'venue', 'kanwil', 'ministry', 'admin', 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** Roles whose scope names one organisation (UPT code, Kanwil code or venue code). */
export const SCOPED_ROLES: Partial<Record<ActorRole, 'upt' | 'kanwil' | 'venue'>> = {
  upt: 'upt',
  curator: 'kanwil',
  kanwil: 'kanwil',
  venue: 'venue',
};

export interface Actor {
  /** Stable id of the person or service (JWT `sub`). */
  id: string;
  role: ActorRole;
  /** UPT, Kanwil or venue code for scoped roles; null for national roles and services. */
  scope: string | null;
  /** The person's username at the identity provider (`preferred_username`), beside the stable id; absent for services. */
  username?: string;
}

export function systemActor(service: string): Actor {
  return { id: `service:${service}`, role: 'system', scope: null };
}
