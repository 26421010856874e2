import { computed, watchEffect } from 'vue';
import { useRoute, useRouter } from 'vue-router';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A random v4 UUID; falls back to getRandomValues where randomUUID is missing (plain-HTTP hosts). */
export function newConversationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The conversation id kept in the URL (`?conversation=<uuid>`), so a link opens the same
 * conversation in another tab. A missing or malformed one is replaced with a fresh id.
 */
export function useConversationId(param = 'conversation') {
  const route = useRoute();
  const router = useRouter();

  const fromUrl = computed(() => {
    const value = route.query[param];
    return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null;
  });

  watchEffect(() => {
    if (!fromUrl.value) void router.replace({ query: { ...route.query, [param]: newConversationId() } });
  });

  return {
    /** `null` only until the URL has been fixed up. */
    conversationId: fromUrl,
    startNew: () => router.push({ query: { ...route.query, [param]: newConversationId() } }),
  };
}
