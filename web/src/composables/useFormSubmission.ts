import { nextTick, ref, shallowRef, useId, type Ref } from 'vue';
import { formErrors } from '../graphql/errors';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * One form's submission: busy state, an error per field (BAD_USER_INPUT with `extensions.field`,
 * or the form's own checks) and one for the form, and focus moved to the first problem so
 * keyboard and screen-reader users land on it. Ids for labels and aria-describedby come from here.
 */
export function useFormSubmission<F extends string>(fields: readonly F[]) {
  const uid = useId();
  const submitting = ref(false);
  const fieldErrors = shallowRef<FieldErrors<F>>({}) as Ref<FieldErrors<F>>;
  const formError = ref<string | null>(null);

  const ids = {
    field: (field: F) => `${uid}-${field}`,
    formError: `${uid}-form-error`,
  };

  async function focusFirstProblem(): Promise<void> {
    await nextTick();
    const field = fields.find((f) => fieldErrors.value[f]);
    // A field the form does not show (e.g. a mail link's token) is reported in the form's alert.
    const target = (field && document.getElementById(ids.field(field))) || document.getElementById(ids.formError);
    target?.focus();
  }

  /**
   * Runs `action` unless `validate` finds problems first; an error thrown by `action` is split into
   * field and form errors. Resolves to whether the action succeeded.
   */
  async function submit(action: () => Promise<void>, validate?: () => FieldErrors<F>): Promise<boolean> {
    if (submitting.value) return false;
    formError.value = null;
    const local = validate?.() ?? {};
    fieldErrors.value = local;
    if (Object.keys(local).length > 0) {
      await focusFirstProblem();
      return false;
    }
    submitting.value = true;
    try {
      await action();
      return true;
    } catch (error) {
      const split = formErrors(error, fields);
      fieldErrors.value = split.fields;
      formError.value = split.form;
      await focusFirstProblem();
      return false;
    } finally {
      submitting.value = false;
    }
  }

  /** Forgets a field's error once the person edits it. */
  function clearFieldError(field: F): void {
    if (!fieldErrors.value[field]) return;
    const { [field]: _removed, ...rest } = fieldErrors.value;
    fieldErrors.value = rest as FieldErrors<F>;
  }

  return { submitting, fieldErrors, formError, ids, submit, clearFieldError };
}

/** Checks shared by the account forms; messages say what to do. */
export const checks = {
  required: (value: string, message: string): string | undefined => (value.trim() === '' ? message : undefined),
  email: (value: string): string | undefined =>
    value.trim() === '' ? 'Enter your email address.' : /^[^\s@]+@[^\s@]+$/.test(value.trim()) ? undefined : 'Enter an email address like name@example.com.',
  newPassword: (value: string): string | undefined => (value === '' ? 'Choose a password.' : value.length < 10 ? 'Use at least 10 characters.' : undefined),
};

/** Drops the undefined entries of a check result. */
export function compact<F extends string>(errors: Record<F, string | undefined>): FieldErrors<F> {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message)) as FieldErrors<F>;
}
