// People's accounts at the identity provider (Keycloak): the claim names, its admin API, the user administration.
export * from './claims';
export * from './client-credentials';
export * from './keycloak-admin';
export * from './account-rules';
export * from './scope-directory';
export * from './user-admin';
export * from './login-messages-id';
export * from './sign-in';
export * from './catalog-accounts';
