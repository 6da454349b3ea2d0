import { bootstrapAdmin } from './keycloak-bootstrap-admin';

/**
 * Points the dev realm's outgoing mail at the dev stack's message catcher, so Keycloak's invitation and
 * password-reset emails land in the same folder as the notifications' ones (docs/adr/0033-user-administration.md).
 * The catcher listens on a port picked at start and a running Keycloak may be reused, so this is set through the
 * Admin REST API with the bootstrap admin of the master realm after the catcher is up: the platform started last
 * receives Keycloak's mail. Production sets `smtpServer` in the realm file (PRODUCTION_SMTP).
 */
export async function configureKeycloakSmtp(options: {
  /** Keycloak's issuer of the realm, e.g. `http://localhost:8180/realms/reporting-days`. */
  issuerUrl: string;
  /** `smtp://127.0.0.1:<port>` of the message catcher. */
  smtpUrl: string;
  adminUser?: string;
  adminPassword: string;
  from?: string;
}): Promise<void> {
  const match = /^(.*)\/realms\/([^/]+)\/?$/.exec(options.issuerUrl);
  if (!match) throw new Error(`${options.issuerUrl} is not a realm issuer URL`);
  const [, base, realm] = match;
  const smtp = new URL(options.smtpUrl);
  const admin = await bootstrapAdmin(base, options.adminUser ?? 'admin', options.adminPassword);
  await admin.send('PUT', `/admin/realms/${encodeURIComponent(realm)}`, {
    smtpServer: {
      host: smtp.hostname,
      port: smtp.port,
      from: options.from ?? 'no-reply@reporting-days.test',
      fromDisplayName: 'Reporting Days (dev)',
      auth: 'false',
      ssl: 'false',
      starttls: 'false',
    },
  });
}
