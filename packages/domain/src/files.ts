import { z } from 'zod';
import { Id, Timestamp } from './common';

/** The largest file one upload may carry. */
export const maxFileBytes = 20 * 1024 * 1024;

/** A stored file as the API and a form value describe it: what it is and where to fetch it, never its bytes. */
export const StoredFile = z.object({
  id: Id,
  name: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  createdAt: Timestamp,
});
export type StoredFile = z.infer<typeof StoredFile>;

export const UploadFileQuery = z.strictObject({
  name: z.string().trim().min(1).max(255),
});

/** Where a stored file's bytes are served. */
export const fileUrl = (id: string) => `/api/files/${id}`;

/**
 * A form value that refers to an uploaded file (an object with the file's id). A file field may hold
 * such a reference or a link (a string); no other field type holds an object.
 */
export function isFileReference(value: unknown): value is { id: string } {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

/** A file reference as the server stored it in a value: with its name and size beside its id. */
export function isStoredFile(value: unknown): value is StoredFile {
  return (
    isFileReference(value) &&
    typeof (value as StoredFile).name === 'string' &&
    typeof (value as StoredFile).size === 'number'
  );
}
