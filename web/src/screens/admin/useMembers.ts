import { useApolloClient } from '@vue/apollo-composable';
import { useCursorPages } from '../../composables/useCursorPages';
import type { AdminInviteUserMutation as InviteResult, AdminMemberFieldsFragment, InviteUserInput, Role } from '../../gql/graphql';
import { AdminChangeRoleMutation, AdminInviteUserMutation, AdminMembersQuery, AdminRemoveMemberMutation } from './admin.documents';

export type AdminMember = AdminMemberFieldsFragment;
export type Invitation = InviteResult['inviteUser'];

/** How many members one request asks for (the API allows up to 100). */
export const MEMBERS_PAGE = 50;

/**
 * The organization's members with their roles, a page at a time (`members(first, offset)`; the
 * offset travels as the "cursor"), and the changes `user:manage` allows. Mutations throw the
 * API's error for the screen to put into words; on success the list is updated in place.
 */
export function useMembers() {
  const { client } = useApolloClient();

  const pages = useCursorPages<AdminMember>(async (after) => {
    const offset = after ? Number(after) : 0;
    const result = await client.query({ query: AdminMembersQuery, variables: { first: MEMBERS_PAGE, offset }, fetchPolicy: 'network-only' });
    const items = result.data.members;
    return { items, nextCursor: items.length === MEMBERS_PAGE ? String(offset + items.length) : null };
  });

  async function invite(input: InviteUserInput): Promise<Invitation> {
    const result = await client.mutate({ mutation: AdminInviteUserMutation, variables: { input } });
    if (!result.data) throw new Error('The gateway sent no answer.');
    return result.data.inviteUser;
  }

  async function changeRole(userId: string, role: Role): Promise<AdminMember> {
    const result = await client.mutate({ mutation: AdminChangeRoleMutation, variables: { userId, role } });
    const member = result.data?.changeRole;
    if (!member) throw new Error('The gateway sent no answer.');
    pages.items.value = pages.items.value.map((m) => (m.user.id === userId ? member : m));
    return member;
  }

  async function remove(userId: string): Promise<void> {
    const result = await client.mutate({ mutation: AdminRemoveMemberMutation, variables: { userId } });
    if (!result.data?.removeMember) throw new Error('The member could not be removed.');
    const before = pages.items.value.length;
    pages.items.value = pages.items.value.filter((m) => m.user.id !== userId);
    // The offset of the next page moves back by the members removed from this one.
    const removed = before - pages.items.value.length;
    if (pages.nextCursor.value && removed > 0) pages.nextCursor.value = String(Math.max(0, Number(pages.nextCursor.value) - removed));
  }

  return { ...pages, invite, changeRole, remove };
}
