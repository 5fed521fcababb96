import { z } from 'zod';

export const Id = z.uuid();
export const IdParams = z.strictObject({ id: z.uuid() });
export const Timestamp = z.iso.datetime({ offset: true });
export const Email = z.string().trim().toLowerCase().pipe(z.email().max(254));
/** Bounded so that argon2 never hashes a megabyte; 8 is the floor users are told about. */
export const NewPassword = z.string().min(8).max(200);
export const Locale = z.enum(['ru', 'en']);
export type Locale = z.infer<typeof Locale>;
export const Ok = z.object({ ok: z.literal(true) });
