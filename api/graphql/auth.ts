// API keys: `Authorization: Bearer <key>` or `x-api-key: <key>`, roles from API_KEYS. A request
// without a key reads; a wrong key is refused outright; writes need the editor role.
import { GraphQLError } from 'graphql';
import type { ApiKeyRole } from '../config.js';
import { Forbidden, Unauthorized } from '../../schema/errors.js';

/** The key a request presents, or null. */
export function presentedKey(header: (name: string) => string | undefined): string | null {
  const auth = header('authorization')?.trim();
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    return m ? m[1]! : auth;
  }
  return header('x-api-key')?.trim() || null;
}

/** The role of the presented key; a key that is not configured is a 401. */
export function roleOf(key: string | null, keys: Map<string, ApiKeyRole>): ApiKeyRole | null {
  if (key === null) return null;
  const role = keys.get(key);
  if (!role) throw new GraphQLError('the API key is not valid', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  return role;
}

/** Throws unless the caller may write. */
export function requireEditor(role: ApiKeyRole | null): void {
  if (role === null) throw new Unauthorized('this operation needs an API key with the editor role (Authorization: Bearer <key> or x-api-key)');
  if (role !== 'editor') throw new Forbidden(`this operation needs the editor role; the key presented has the ${role} role`);
}

/** Throws unless the caller presented a valid key (any role): for logs that hold fetched URLs and errors. */
export function requireKey(role: ApiKeyRole | null): void {
  if (role === null) throw new Unauthorized('this field needs an API key (reader or editor; Authorization: Bearer <key> or x-api-key)');
}
