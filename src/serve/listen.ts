/** Listening on loopback: a port in use moves on to the next one (and says so) unless strict. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListenOptions {
  port: number;
  host: string;
  /** Fail instead of trying the next ports. */
  strict: boolean;
  /** How many ports after `port` to try. */
  tries?: number;
  log?: (line: string) => void;
}

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(`port ${port} on ${host} is in use: stop the other server or pick another port with --port N`);
    this.name = 'PortInUseError';
  }
}

function listenOnce(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Returns the port listened on. */
export async function listen(server: Server, opts: ListenOptions): Promise<number> {
  const tries = opts.strict || opts.port === 0 ? 1 : (opts.tries ?? 20);
  for (let i = 0; i < tries; i++) {
    const port = opts.port + i;
    try {
      const got = await listenOnce(server, port, opts.host);
      if (i > 0) opts.log?.(`port ${opts.port}${i > 1 ? `–${port - 1}` : ''} in use, serving on ${got}`);
      return got;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    }
  }
  throw new PortInUseError(opts.port, opts.host);
}
