import { useCallback, useState } from 'react';
import { ApiError } from '../api/client';
import { notifyError } from './notify';
import type { FieldErrors } from './validate';

/**
 * Errors shown next to form fields: from client-side validation or from a `validation_failed` answer.
 * Any other failure becomes a notification.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});

  const handleError = useCallback((error: unknown) => {
    const fields = error instanceof ApiError ? error.fieldErrors() : {};
    setErrors(fields);
    notifyError(error);
  }, []);

  const clearError = useCallback((field: string) => {
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _removed, ...rest } = current;
      return rest;
    });
  }, []);

  return { errors, setErrors, handleError, clearError };
}
