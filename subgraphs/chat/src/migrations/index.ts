import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000100CreateMessages } from './Migration20261124000100CreateMessages.js';
import { Migration20261124010100MessagesPerOrganization } from './Migration20261124010100MessagesPerOrganization.js';
import { Migration20261126000100Conversations } from './Migration20261126000100Conversations.js';
import { Migration20261201000100AnswerFallback } from './Migration20261201000100AnswerFallback.js';

/** Every migration of the chat schema, oldest first. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261124000100CreateMessages', class: Migration20261124000100CreateMessages },
  { name: 'Migration20261124010100MessagesPerOrganization', class: Migration20261124010100MessagesPerOrganization },
  { name: 'Migration20261126000100Conversations', class: Migration20261126000100Conversations },
  { name: 'Migration20261201000100AnswerFallback', class: Migration20261201000100AnswerFallback },
];
