import { audit } from '@scs/graphql-kit/auth/audit';
import { badUserInput } from '@scs/graphql-kit/auth/errors';
import { principalOf } from '@scs/graphql-kit/auth/authorize';
import type { Identity } from '@scs/contracts/identity';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { UsersContext } from '../context.js';
import { MembershipRecord } from '../entities/membership.entity.js';
import { OrganizationRecord } from '../entities/organization.entity.js';
import { UserRecord } from '../entities/user.entity.js';
import { normaliseOrigins, parseOrigin } from '../services/widget-origins.js';
import { payload as authPayload } from './account.resolver.js';
import { AuthPayload, WidgetSettings, WidgetSettingsInput } from './account.types.js';
import { isUuid, requireUuid } from './validation.js';

/** Why the widget refused to start a chat: `extensions.reason` of its FORBIDDEN error. */
export type WidgetRefusal = 'WIDGET_DISABLED' | 'ORIGIN_NOT_ALLOWED';

/**
 * The widget's refusals. One answer for "no such organization" and "widget off", so the API does
 * not tell which organization ids exist.
 */
export function widgetRefused(reason: WidgetRefusal): GraphQLError {
  const message =
    reason === 'WIDGET_DISABLED'
      ? 'The chat is not available: this organization has not turned on its chat widget.'
      : 'The chat is not available on this website.';
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', reason } });
}

function view(org: OrganizationRecord): WidgetSettings {
  return Object.assign(new WidgetSettings(), { organizationId: org.id, enabled: org.widgetEnabled, allowedOrigins: [...org.widgetAllowedOrigins] });
}

/** Whether a page of `pageOrigin` may show the organization's widget (any site when no origins are listed). */
export function originAllowed(org: OrganizationRecord, pageOrigin: string | null | undefined): boolean {
  if (org.widgetAllowedOrigins.length === 0) return true;
  if (!pageOrigin) return false;
  const parsed = parseOrigin(pageOrigin);
  return 'origin' in parsed && org.widgetAllowedOrigins.includes(parsed.origin);
}

/** The embeddable chat widget: its settings, and the sessions it starts for anonymous visitors. */
@Resolver()
export class WidgetResolver {
  @Query(() => WidgetSettings, { description: "Your organization's chat widget settings." })
  async widgetSettings(@Ctx() ctx: UsersContext): Promise<WidgetSettings> {
    const { orgId } = principalOf(ctx.identity);
    return view(await ctx.em.findOneOrFail(OrganizationRecord, { id: orgId }));
  }

  @Mutation(() => WidgetSettings, {
    description: 'Turns the chat widget on or off and sets the sites that may show it. Origins are validated and normalised; on an error nothing changes.',
  })
  async updateWidgetSettings(@Arg('input', () => WidgetSettingsInput) input: WidgetSettingsInput, @Ctx() ctx: UsersContext): Promise<WidgetSettings> {
    const { orgId } = principalOf(ctx.identity);
    const normalised = normaliseOrigins(input.allowedOrigins);
    if ('problem' in normalised) throw badUserInput(normalised.problem, 'allowedOrigins');
    const org = await ctx.em.findOneOrFail(OrganizationRecord, { id: orgId });
    const before = view(org);
    org.widgetEnabled = input.enabled;
    org.widgetAllowedOrigins = normalised.origins;
    audit(ctx.em, ctx.identity, {
      action: 'widget.update',
      targetType: 'organization',
      targetId: org.id,
      detail: {
        before: { enabled: before.enabled, allowedOrigins: before.allowedOrigins },
        after: { enabled: org.widgetEnabled, allowedOrigins: org.widgetAllowedOrigins },
      },
    });
    await ctx.em.flush();
    return view(org);
  }

  @Query(() => [String], {
    description:
      "The sites whose pages may frame the organization's widget panel (`/widget`), for its `frame-ancestors` header: its allowed origins, `*` when it lists none, nothing when the widget is off or there is no such organization. Public, like the widget's snippet.",
  })
  async widgetFrameAncestors(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: UsersContext): Promise<string[]> {
    if (!isUuid(organizationId)) return [];
    const org = await ctx.em.findOne(OrganizationRecord, { id: organizationId });
    if (!org?.widgetEnabled) return [];
    return org.widgetAllowedOrigins.length > 0 ? [...org.widgetAllowedOrigins] : ['*'];
  }

  @Mutation(() => AuthPayload, {
    description:
      "Signs an anonymous visitor of the organization's website in as a new customer, for the chat widget. Refused (FORBIDDEN, `extensions.reason` WIDGET_DISABLED or ORIGIN_NOT_ALLOWED) when the widget is off or the page's origin is not allowed. Rate-limited per client address.",
  })
  async startVisitorSession(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('pageOrigin', () => String, { nullable: true, description: 'Origin of the page showing the widget, e.g. https://www.example.com.' })
    pageOrigin: string | null | undefined,
    @Ctx() ctx: UsersContext,
  ): Promise<AuthPayload> {
    const { services, identity } = ctx;
    await services.authLimiter.consume(`visitor:${identity.ip}`);
    requireUuid(organizationId, 'organizationId');
    if (pageOrigin != null && pageOrigin.length > 300) throw badUserInput('pageOrigin is too long.', 'pageOrigin');
    const org = await ctx.em.findOne(OrganizationRecord, { id: organizationId });
    if (!org?.widgetEnabled) throw widgetRefused('WIDGET_DISABLED');
    if (!originAllowed(org, pageOrigin)) throw widgetRefused('ORIGIN_NOT_ALLOWED');

    return ctx.em.transactional(async (em) => {
      const user = em.create(UserRecord, { email: null, isVisitor: true, displayName: 'Visitor' });
      em.create(MembershipRecord, { userId: user.id, organizationId: org.id, role: 'customer' });
      const actor: Identity = { kind: 'user', userId: user.id, orgId: org.id, role: 'customer', permissions: [], sessionId: '', ip: identity.ip };
      const origin = pageOrigin ? parseOrigin(pageOrigin) : null;
      audit(em, actor, {
        action: 'visitor.start',
        targetType: 'user',
        targetId: user.id,
        detail: { origin: origin && 'origin' in origin ? origin.origin : null },
      });
      await em.flush();
      const tokens = await services.sessions.start(em, user.id, org.id, 'customer');
      return authPayload(tokens, user, org, 'customer');
    });
  }
}
