import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetStreamAnswers } from './private-nats';
import { findExecutable, freePort, isAlive, waitFor } from './private-process';

export interface PrivateNatsNode {
  name: string;
  url: string;
  readonly alive: boolean;
  /** SIGKILL this node only and wait until it has exited. */
  kill(): Promise<void>;
  log(): string;
}

export interface PrivateNatsCluster {
  nodes: PrivateNatsNode[];
  /** Every node's URL, comma-separated, as NATS_URL lists a cluster. */
  url: string;
  /** Stops every node and deletes the store dirs. */
  stop(): Promise<void>;
}

/**
 * A throwaway JetStream cluster of `size` nats-server processes on random loopback ports (client and route ports),
 * each with its own store, for tests of what a production cluster changes (replicated streams, losing a node).
 * Never touches the shared server on 4222. Resolves once JetStream answers on every node (a meta leader is elected).
 */
export async function startPrivateNatsCluster(size = 3, startTimeoutMs = 30_000): Promise<PrivateNatsCluster> {
  const binary = findExecutable('nats-server', ['/usr/sbin', '/usr/local/bin', '/usr/bin']);
  const dir = mkdtempSync(join(tmpdir(), 'rd-nats-cluster-'));
  const ports = await Promise.all(Array.from({ length: size }, async () => ({ client: await freePort(), route: await freePort() })));
  const routes = ports.map((p) => `"nats-route://127.0.0.1:${p.route}"`).join(', ');
  const children: ChildProcess[] = [];
  const exits: Promise<void>[] = [];

  function killOnExit(): void {
    for (const child of children) if (child.pid && isAlive(child.pid)) process.kill(child.pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
  process.on('exit', killOnExit);

  const nodes: PrivateNatsNode[] = ports.map((port, index) => {
    const name = `rd-test-${index + 1}`;
    const nodeDir = join(dir, name);
    mkdirSync(nodeDir);
    const config = join(nodeDir, 'nats.conf');
    writeFileSync(
      config,
      [
        `server_name: ${name}`,
        `listen: "127.0.0.1:${port.client}"`,
        `jetstream { store_dir: "${join(nodeDir, 'store')}" }`,
        `cluster { name: rd-test, listen: "127.0.0.1:${port.route}", routes: [${routes}] }`,
      ].join('\n'),
    );
    const logFile = join(nodeDir, 'nats.log');
    const fd = openSync(logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(binary, ['-c', config], { stdio: ['ignore', fd, fd] });
    } finally {
      closeSync(fd);
    }
    children.push(child);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    exits.push(exited);
    return {
      name,
      url: `nats://127.0.0.1:${port.client}`,
      get alive() {
        return child.exitCode === null && child.signalCode === null;
      },
      async kill() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGKILL');
        await exited;
      },
      log: () => {
        try {
          return readFileSync(logFile, 'utf8');
        } catch {
          return '';
        }
      },
    };
  });

  const stop = async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 5000))]);
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    process.removeListener('exit', killOnExit);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    for (const node of nodes) {
      await waitFor(
        async () => {
          if (!node.alive) throw new Error(`${node.name} exited:\n${node.log()}`);
          return jetStreamAnswers(node.url);
        },
        startTimeoutMs,
        `JetStream on cluster node ${node.name}`,
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { nodes, url: nodes.map((node) => node.url).join(','), stop };
}
