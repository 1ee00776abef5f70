import { PERSON_ROLES, SCOPED_ROLES, USERNAME_PATTERN } from './admin-fields';
import type { FieldProblem } from './admin-input';

/**
 * The new person form: a username, one role and, for the scoped roles, the UPT, Kanwil or venue code the role
 * works for. Without a password catalog generates a temporary one, shown once. Checked before sending by the
 * account rules (libs/identity); catalog's refusals (USERNAME_TAKEN, SCOPE_UNKNOWN…) still show.
 */
export interface UserForm {
  username: string;
  name: string;
  email: string;
  role: string;
  scope: string;
}

export const emptyUser = (): UserForm => ({ username: '', name: '', email: '', role: 'venue', scope: '' });

/** What the role's scope code names: 'upt', 'kanwil', 'venue', or undefined for national roles. */
export const scopeKindOf = (role: string): 'upt' | 'kanwil' | 'venue' | undefined => SCOPED_ROLES[role];

/** The form after a change of role: a scope code of another kind no longer fits. */
export function withRole(form: UserForm, role: string): UserForm {
  return scopeKindOf(role) === scopeKindOf(form.role) ? { ...form, role } : { ...form, role, scope: '' };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function userProblems(form: UserForm): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const username = form.username.trim();
  if (!username) problems.push({ field: 'username', problem: 'required' });
  else if (!USERNAME_PATTERN.test(username)) problems.push({ field: 'username', problem: 'username' });
  if (!(PERSON_ROLES as readonly string[]).includes(form.role)) problems.push({ field: 'role', problem: 'choose' });
  else if (scopeKindOf(form.role) && !form.scope) problems.push({ field: 'scope', problem: 'choose' });
  if (form.name.trim().length > 200) problems.push({ field: 'name', problem: 'tooLong', values: { max: 200 } });
  if (form.email.trim() && !EMAIL.test(form.email.trim())) problems.push({ field: 'email', problem: 'email' });
  return problems;
}

/** The body of POST /user-accounts: no password, so catalog generates a temporary one and answers it once. */
export function userRequest(form: UserForm) {
  return {
    username: form.username.trim(),
    role: form.role,
    ...(scopeKindOf(form.role) ? { scope: form.scope } : {}),
    ...(form.name.trim() ? { name: form.name.trim() } : {}),
    ...(form.email.trim() ? { email: form.email.trim() } : {}),
  };
}
