import type { ApiClient, Caller } from './api-client';

/** A notice as a person's inbox shows it. */
export interface DemoNotice {
  id: string;
  kind: string;
  title: string;
  subject: Record<string, unknown>;
}

/** One of the demo's people and what their inbox holds. */
export interface DemoInbox {
  username: string;
  role: string;
  scope: string | null;
  notices: DemoNotice[];
}

/** A statement the demo saw issued, and so expects told to its venue's and its UPT's people. */
export interface IssuedStatement {
  id: string;
  uptCode: string;
  venueCode: string;
}

const MAX_WAIT_MS = 90_000;

/**
 * Each person's inbox at the notification service, once every statement issued in the run has been told to the
 * people of its venue and of its UPT among them (what else arrived, a receipt with damaged goods, a lot near its
 * expiry, comes with it). Each person reads their own inbox with their own token, as the console does.
 */
export async function readInboxes(
  notification: ApiClient,
  people: { role: string; scope?: string; caller: Caller }[],
  statements: IssuedStatement[],
): Promise<DemoInbox[]> {
  const deadline = Date.now() + MAX_WAIT_MS;
  for (;;) {
    const inboxes: DemoInbox[] = [];
    for (const p of people) {
      const notices: DemoNotice[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await notification.expect([200], 'GET', `/notifications?limit=100&offset=${offset}`, p.caller);
        notices.push(...page.items.map(({ id, kind, title, subject }: DemoNotice) => ({ id, kind, title, subject })));
        if (notices.length >= page.total || page.items.length === 0) break;
      }
      // oldest first, as they were sent
      inboxes.push({ username: p.caller.person!.username, role: p.role, scope: p.scope ?? null, notices: notices.reverse() });
    }
    const missing = untold(inboxes, statements);
    if (missing.length === 0) return inboxes;
    if (Date.now() > deadline) throw new Error(`statements not told in ${MAX_WAIT_MS / 1000} s: ${missing.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** `statement → person` pairs still waiting for their STATEMENT_ISSUED notice. */
function untold(inboxes: DemoInbox[], statements: IssuedStatement[]): string[] {
  const missing: string[] = [];
  for (const s of statements)
    for (const inbox of inboxes) {
      const concerned = (inbox.role === 'venue' && inbox.scope === s.venueCode) || (inbox.role === 'upt' && inbox.scope === s.uptCode);
      const told = inbox.notices.some((n) => n.kind === 'STATEMENT_ISSUED' && n.subject.statementId === s.id);
      if (concerned && !told) missing.push(`${s.id} → ${inbox.username}`);
    }
  return missing;
}
