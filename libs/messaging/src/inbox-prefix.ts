/** A NATS user name is one subject token: lowercase, digits and `-` (the users of infra/nats/nats-production.conf). */
const NATS_USER = /^[a-z][a-z0-9-]*$/;

/**
 * The inbox prefix of every connection a deployable opens, from the NATS user it connects as: `_INBOX_<user>`.
 * Replies to its requests, JetStream API answers, publish acks and pulled messages all arrive under it, and
 * production grants each user `_INBOX_<user>.>` only, so no deployable can subscribe to another's replies
 * (docs/security.md). Pass it as `inboxPrefix` to nats.js `connect()` and to Nest's ClientNats/ServerNats.
 */
export function inboxPrefixFor(user: string): string {
  if (!NATS_USER.test(user)) throw new Error(`"${user}" is not a NATS user name: use lowercase letters, digits and "-"`);
  return `_INBOX_${user}`;
}
