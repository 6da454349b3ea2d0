/**
 * Runs the dev Keycloak on its own:
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/devstack/src/keycloak.cli.ts start
 * Commands: `start` (foreground; Ctrl-C stops it), `fetch` (cache and unpack the dist only),
 * `status`, `stop` (stops a Keycloak started by another `start` whose terminal is gone, by its recorded pid).
 */
import { rmSync } from 'node:fs';
import { devstackConfig } from './config';
import {
  ensureKeycloak,
  ensureKeycloakDist,
  keycloakCacheDir,
  keycloakLockFile,
  KEYCLOAK_REALM,
  readKeycloakLock,
  stopProcessGroup,
} from './keycloak';
import { httpOk, isAlive } from './process';

async function main(command: string | undefined): Promise<number> {
  const config = devstackConfig();
  const lockFile = keycloakLockFile(config.keycloakPort, keycloakCacheDir());
  switch (command) {
    case 'start': {
      const keycloak = await ensureKeycloak();
      console.log(`\nKeycloak:      ${keycloak.url}  (admin console: ${keycloak.url}/admin, user admin)`);
      console.log(`Issuer:        ${keycloak.issuerUrl}`);
      console.log(`Demo logins:   see infra/keycloak/README.md (password: $RD_DEMO_PASSWORD or demo-password-1)`);
      if (!keycloak.startedHere) {
        console.log('It was already running and was not started here; leaving it alone.');
        return 0;
      }
      console.log(`Log:           ${keycloak.logFile}\nPress Ctrl-C to stop.`);
      const code = await keycloak.exited;
      if (keycloak.stopRequested()) return 0;
      console.error(`Keycloak exited on its own with code ${code}; see ${keycloak.logFile}`);
      return 1;
    }
    case 'fetch': {
      const dist = await ensureKeycloakDist();
      console.log(dist.home);
      return 0;
    }
    case 'status': {
      const wellKnown = `http://localhost:${config.keycloakPort}/realms/${KEYCLOAK_REALM}/.well-known/openid-configuration`;
      const up = await httpOk(wellKnown);
      const lock = readKeycloakLock(lockFile);
      console.log(up ? `up: ${wellKnown}` : `down: ${wellKnown}`);
      if (lock) console.log(`started by pid ${lock.ownerPid} (${isAlive(lock.ownerPid) ? 'alive' : 'gone'}), kc.sh pid ${lock.keycloakPid}, log ${lock.logFile}`);
      return up ? 0 : 1;
    }
    case 'stop': {
      const lock = readKeycloakLock(lockFile);
      if (lock?.keycloakPid && isAlive(lock.keycloakPid)) {
        console.log(`stopping the Keycloak process group ${lock.keycloakPid}`);
        await stopProcessGroup(lock.keycloakPid);
      } else {
        console.log('no Keycloak started by this tool is running');
      }
      if (lock && !isAlive(lock.ownerPid)) rmSync(lockFile, { force: true });
      return 0;
    }
    default:
      console.error('usage: keycloak.cli.ts start|fetch|status|stop');
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
