import { ApiError } from '../api/client';
import { notifyFailed } from '../notify';

interface SettableForm {
  setErrors: (errors: Record<string, string>) => void;
}

/**
 * Shows an API error where it belongs: field errors (details [{ field, messages }]) next to their inputs, named as
 * the form names them (`followUps.0.dueAt` matches useForm's list paths), and anything else as a toast.
 * `rename` maps API field names onto form paths where they differ.
 */
export function showApiError(form: SettableForm, error: Error, rename: (field: string) => string = (field) => field): void {
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  if (Object.keys(fields).length === 0) {
    notifyFailed(error);
    return;
  }
  form.setErrors(Object.fromEntries(Object.entries(fields).map(([field, message]) => [rename(field), message])));
  notifyFailed(new Error('Check the highlighted fields.'));
}
