/**
 * A static file server for the fixture pages, on 127.0.0.1 and a random port.
 * The same server answers as `http://127.0.0.1:PORT/` and `http://localhost:PORT/`:
 * two host names, so two "sites" for the per-site switch.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  port: number;
  /** `http://<host>:<port><path>`; host is `127.0.0.1` unless told. */
  url(path: string, host?: '127.0.0.1' | 'localhost'): string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Extra response headers for a path (e.g. a Content-Security-Policy for one test page). */
  headers?: (pathname: string) => Record<string, string> | undefined;
}

export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const rootDir = resolve(root);
  const handler: RequestListener = async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (pathname === '/favicon.ico') {
        // No favicon: answer empty rather than 404, so the console stays quiet.
        res.writeHead(204).end();
        return;
      }
      const file = resolve(rootDir, '.' + normalize(pathname === '/' ? '/index.html' : pathname));
      if (file !== rootDir && !file.startsWith(rootDir + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...options.headers?.(pathname),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  };
  const listen = (server: Server, port: number, host: string) =>
    new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => ok());
    });
  const v4 = createServer(handler);
  await listen(v4, 0, '127.0.0.1');
  const { port } = v4.address() as AddressInfo;
  const servers: Server[] = [v4];
  // Browsers may try `localhost` as ::1 first; answer there too on the same port
  // when the machine has IPv6 loopback, so nothing waits for a fallback to IPv4.
  const v6 = createServer(handler);
  try {
    await listen(v6, port, '::1');
    servers.push(v6);
  } catch {
    // No IPv6 loopback (or the port is taken there): localhost falls back to 127.0.0.1.
  }
  return {
    port,
    url: (path, host = '127.0.0.1') => `http://${host}:${port}${path.startsWith('/') ? path : '/' + path}`,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((ok) => {
              server.closeAllConnections();
              server.close(() => ok());
            }),
        ),
      );
    },
  };
}
