import { useApolloClient } from '@vue/apollo-composable';
import type { AcceptInvitationInput, LoginInput, RegisterInput } from '../../gql/graphql';
import {
  AcceptInvitationMutation,
  LoginMutation,
  RegisterMutation,
  RequestPasswordResetMutation,
  ResetPasswordMutation,
  VerifyEmailMutation,
} from './auth.documents';
import { useSession } from '../../composables/useSession';

/**
 * The account operations behind the sign-in screens. Each throws the ApolloError on failure (the
 * forms turn it into words); the ones that return a session start it in the session store.
 */
export function useAccount() {
  const { resolveClient } = useApolloClient();
  const { store } = useSession();

  function required<T>(value: T | null | undefined): T {
    if (value === null || value === undefined) throw new Error('The gateway returned no result.');
    return value;
  }

  return {
    async signIn(input: LoginInput): Promise<void> {
      const { data } = await resolveClient().mutate({ mutation: LoginMutation, variables: { input }, fetchPolicy: 'no-cache' });
      await store.start(required(data).login);
    },
    async register(input: RegisterInput): Promise<void> {
      const { data } = await resolveClient().mutate({ mutation: RegisterMutation, variables: { input }, fetchPolicy: 'no-cache' });
      await store.start(required(data).register);
    },
    async acceptInvitation(input: AcceptInvitationInput): Promise<void> {
      const { data } = await resolveClient().mutate({ mutation: AcceptInvitationMutation, variables: { input }, fetchPolicy: 'no-cache' });
      await store.start(required(data).acceptInvitation);
    },
    async requestPasswordReset(email: string): Promise<void> {
      await resolveClient().mutate({ mutation: RequestPasswordResetMutation, variables: { email }, fetchPolicy: 'no-cache' });
    },
    async resetPassword(token: string, newPassword: string): Promise<void> {
      await resolveClient().mutate({ mutation: ResetPasswordMutation, variables: { token, newPassword }, fetchPolicy: 'no-cache' });
    },
    async verifyEmail(token: string): Promise<void> {
      await resolveClient().mutate({ mutation: VerifyEmailMutation, variables: { token }, fetchPolicy: 'no-cache' });
      // The header and `me` show whether the address is confirmed.
      if (store.state.status === 'signed-in') await store.loadViewer();
    },
  };
}

/** A token from a mail link (`?token=…`), or null when the link was cut short. */
export function tokenFromQuery(value: unknown): string | null {
  const token = Array.isArray(value) ? value[0] : value;
  return typeof token === 'string' && token.trim() !== '' ? token.trim() : null;
}
