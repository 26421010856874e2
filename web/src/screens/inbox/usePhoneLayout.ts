import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue';

/** Narrower than this, the inbox shows the list or a conversation, not both (as the app header's own breakpoint). */
export const PHONE_QUERY = '(max-width: 40rem)';

/** Whether the window is phone-sized now; follows resizes and rotations. */
export function usePhoneLayout(query = PHONE_QUERY): Ref<boolean> {
  const supported = typeof window !== 'undefined' && typeof window.matchMedia === 'function';
  const matches = () => supported && window.matchMedia(query).matches;
  const phone = ref(matches());
  if (!supported) return phone;
  const update = () => (phone.value = matches());
  const list = window.matchMedia(query);
  list.addEventListener?.('change', update);
  window.addEventListener('resize', update);
  if (getCurrentScope()) {
    onScopeDispose(() => {
      list.removeEventListener?.('change', update);
      window.removeEventListener('resize', update);
    });
  }
  return phone;
}
