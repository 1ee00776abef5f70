import { IdentityProviderError, KeycloakAdmin } from '@titipan/identity';
import { idpSettings } from './idp-settings';
import { titipanRealm, type ClientDefinition, type ClientScopeDefinition, type ProtocolMapper, type RealmDefinition } from './realm';

/**
 * Brings the realm to its definition (realm.ts) through the admin REST API: each piece is created when missing
 * and updated when present, and what the definition leaves out of a piece it owns (a mapper, a default scope, a
 * role of the service account, the test client) is removed. Users are never touched, so it can run any number
 * of times.
 *   npm run idp:realm            (the development defaults, or KEYCLOAK_* from the environment)
 */

interface Identified {
  id: string;
  name?: string;
  clientId?: string;
}

export async function applyRealm(admin: KeycloakAdmin, definition: RealmDefinition): Promise<void> {
  await upsertRealm(admin, definition.realm);
  await declareScopeAttribute(admin, definition.scopeAttribute);
  for (const role of definition.roles) await upsertRole(admin, role);
  for (const scope of definition.clientScopes) await upsertClientScope(admin, scope);
  for (const client of definition.clients) await upsertClient(admin, client);
  for (const clientId of definition.absentClients) {
    const existing = await findClient(admin, clientId);
    if (existing) await admin.realmRequest('DELETE', `/clients/${existing.id}`);
  }
  for (const [locale, texts] of Object.entries(definition.localizationTexts)) await reconcileTexts(admin, locale, texts);
}

/** The realm's texts of `locale` become exactly `wanted`: posted (POST adds and updates, never removes), the others removed. */
async function reconcileTexts(admin: KeycloakAdmin, locale: string, wanted: Record<string, string>): Promise<void> {
  const path = `/localization/${encodeURIComponent(locale)}`;
  if (Object.keys(wanted).length) await admin.realmRequest('POST', path, wanted);
  const current = await admin.realmRequest<Record<string, string>>('GET', path);
  for (const key of Object.keys(current).filter((k) => !(k in wanted))) {
    await admin.realmRequest('DELETE', `${path}/${encodeURIComponent(key)}`);
  }
}

async function upsertRealm(admin: KeycloakAdmin, realm: Record<string, unknown>): Promise<void> {
  const exists = await admin.realmRequest('GET', '').then(
    () => true,
    (error: unknown) => {
      if (error instanceof IdentityProviderError && error.status === 404) return false;
      throw error;
    },
  );
  // PUT changes only the fields it names: the realm's keys, users and sessions stay
  if (exists) await admin.realmRequest('PUT', '', realm);
  else await admin.request('POST', '/admin/realms', realm);
}

/** Keycloak keeps only attributes its user profile declares; the scope code is declared, and name and e-mail made optional. */
async function declareScopeAttribute(admin: KeycloakAdmin, attribute: Record<string, unknown>): Promise<void> {
  const profile = await admin.realmRequest<{ attributes: Record<string, unknown>[] }>('GET', '/users/profile');
  const attributes = profile.attributes
    .filter((a) => a.name !== attribute.name)
    .map((a) => (['email', 'firstName', 'lastName'].includes(String(a.name)) ? { ...a, required: undefined } : a));
  await admin.realmRequest('PUT', '/users/profile', { ...profile, attributes: [...attributes, attribute] });
}

async function upsertRole(admin: KeycloakAdmin, role: { name: string; description: string }): Promise<void> {
  const existing = await admin.realmRequest<{ name: string }[]>('GET', `/roles?search=${encodeURIComponent(role.name)}`);
  if (existing.some((r) => r.name === role.name)) await admin.realmRequest('PUT', `/roles/${encodeURIComponent(role.name)}`, role);
  else await admin.realmRequest('POST', '/roles', role);
}

async function upsertClientScope(admin: KeycloakAdmin, scope: ClientScopeDefinition): Promise<void> {
  const { realmRoles, protocolMappers, ...representation } = scope;
  const existing = (await admin.realmRequest<Identified[]>('GET', '/client-scopes')).find((s) => s.name === scope.name);
  const id = existing?.id ?? (await admin.realmRequest<string>('POST', '/client-scopes', representation));
  if (existing) await admin.realmRequest('PUT', `/client-scopes/${id}`, { ...representation, id });

  await reconcileMappers(admin, `/client-scopes/${id}/protocol-mappers/models`, protocolMappers);

  const mappingsPath = `/client-scopes/${id}/scope-mappings/realm`;
  const mapped = await admin.realmRequest<Identified[]>('GET', mappingsPath);
  const wanted = (await admin.realmRequest<Identified[]>('GET', '/roles')).filter((r) =>
    (realmRoles as readonly string[]).includes(r.name ?? ''),
  );
  const add = wanted.filter((r) => !mapped.some((m) => m.id === r.id));
  const remove = mapped.filter((m) => !wanted.some((r) => r.id === m.id));
  if (add.length) await admin.realmRequest('POST', mappingsPath, add);
  if (remove.length) await admin.realmRequest('DELETE', mappingsPath, remove);
}

/** The mappers at `path` become exactly `wanted` (by name): updated, added, the others removed. */
async function reconcileMappers(admin: KeycloakAdmin, path: string, wanted: readonly ProtocolMapper[]): Promise<void> {
  const mappers = await admin.realmRequest<Identified[]>('GET', path);
  for (const mapper of wanted) {
    const current = mappers.find((m) => m.name === mapper.name);
    if (current) await admin.realmRequest('PUT', `${path}/${current.id}`, { ...mapper, id: current.id });
    else await admin.realmRequest('POST', path, mapper);
  }
  for (const stale of mappers.filter((m) => !wanted.some((p) => p.name === m.name))) {
    await admin.realmRequest('DELETE', `${path}/${stale.id}`);
  }
}

async function findClient(admin: KeycloakAdmin, clientId: string): Promise<Identified | undefined> {
  const found = await admin.realmRequest<Identified[]>('GET', `/clients?clientId=${encodeURIComponent(clientId)}`);
  return found.find((c) => c.clientId === clientId);
}

async function upsertClient(admin: KeycloakAdmin, client: ClientDefinition): Promise<void> {
  const existing = await findClient(admin, client.clientId);
  const id = existing?.id ?? (await admin.realmRequest<string>('POST', '/clients', client.representation));
  if (existing) await admin.realmRequest('PUT', `/clients/${id}`, { ...client.representation, id });

  await reconcileMappers(admin, `/clients/${id}/protocol-mappers/models`, client.protocolMappers ?? []);
  await reconcileClientScopes(admin, id, 'default-client-scopes', client.defaultClientScopes);
  await reconcileClientScopes(admin, id, 'optional-client-scopes', client.optionalClientScopes);
  if (client.serviceAccountRealmManagementRoles) await reconcileServiceAccountRoles(admin, id, client.serviceAccountRealmManagementRoles);
}

async function reconcileClientScopes(admin: KeycloakAdmin, clientUuid: string, kind: string, names: string[]): Promise<void> {
  const all = await admin.realmRequest<Identified[]>('GET', '/client-scopes');
  const missing = names.filter((name) => !all.some((s) => s.name === name));
  if (missing.length) throw new Error(`client scopes ${missing.join(', ')} do not exist in the realm`);
  const current = await admin.realmRequest<Identified[]>('GET', `/clients/${clientUuid}/${kind}`);
  for (const scope of all.filter((s) => names.includes(s.name ?? '') && !current.some((c) => c.id === s.id))) {
    await admin.realmRequest('PUT', `/clients/${clientUuid}/${kind}/${scope.id}`);
  }
  for (const scope of current.filter((c) => !names.includes(c.name ?? ''))) {
    await admin.realmRequest('DELETE', `/clients/${clientUuid}/${kind}/${scope.id}`);
  }
}

async function reconcileServiceAccountRoles(admin: KeycloakAdmin, clientUuid: string, roleNames: string[]): Promise<void> {
  const user = await admin.realmRequest<Identified>('GET', `/clients/${clientUuid}/service-account-user`);
  const realmManagement = await findClient(admin, 'realm-management');
  if (!realmManagement) throw new Error('the realm has no realm-management client');
  const path = `/users/${user.id}/role-mappings/clients/${realmManagement.id}`;
  const roles = await admin.realmRequest<Identified[]>('GET', `/clients/${realmManagement.id}/roles`);
  const held = await admin.realmRequest<Identified[]>('GET', path);
  const add = roles.filter((r) => roleNames.includes(r.name ?? '') && !held.some((h) => h.id === r.id));
  const remove = held.filter((h) => !roleNames.includes(h.name ?? ''));
  if (add.length) await admin.realmRequest('POST', path, add);
  if (remove.length) await admin.realmRequest('DELETE', path, remove);
}

async function main(): Promise<void> {
  const settings = idpSettings();
  const started = Date.now();
  await applyRealm(
    new KeycloakAdmin(settings.realmAdmin),
    titipanRealm({
      consoleRedirectUris: settings.consoleRedirectUris,
      userAdminClientId: settings.userAdmin.clientId,
      userAdminSecret: settings.userAdmin.clientSecret,
    }),
  );
  console.log(`realm ${settings.realm} applied at ${settings.url} in ${Date.now() - started} ms`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
