import { Injectable } from '@nestjs/common';
import type { AuditScope, AuditScopeResolver, AuditSubject } from '@titipan/platform';

/** The notification service audits nothing of an organisation (a person's preferences are their own): national entries only. */
@Injectable()
export class AuditScopeStore implements AuditScopeResolver {
  scopesOf(_manager: unknown, subjects: readonly AuditSubject[]): Promise<AuditScope[]> {
    return Promise.resolve(subjects.map(() => ({ venueCode: null, uptCode: null, kanwilCodes: [] })));
  }
}
