/**
 * Keeps a browser off the internet while it loads real pages: every request
 * for anything but 127.0.0.1/localhost goes to a local proxy that refuses it
 * at once and writes it down. Real news pages name dozens of ad, font and
 * analytics hosts; without this each one waits on DNS (seconds per page), and
 * a request that reached the internet could not be told apart from a leak.
 *
 * Both browsers never send loopback traffic through a proxy (Chromium's
 * implicit `<-loopback>` bypass, Firefox's `network.proxy.allow_hijacking_localhost`
 * default of false), so the fixture server is reached directly.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { LaunchOptions } from './driver';

/** One request the proxy turned away. */
export interface RefusedRequest {
  /** `GET http://host/path` for plain HTTP, `CONNECT host:443` for TLS and secure WebSockets. */
  line: string;
  at: number;
}

export interface BlackholeProxy {
  port: number;
  /** Everything refused so far, in order. */
  readonly refused: readonly RefusedRequest[];
  /** Launch settings that route both browsers' non-loopback traffic here. */
  launchOptions(): LaunchOptions;
  close(): Promise<void>;
}

/**
 * Starts the refusing proxy on 127.0.0.1. Plain requests get an empty 502
 * (no body, so a blocked script is not parsed as one); CONNECT tunnels get a
 * 502 and the socket is closed, which both browsers report as a failed load.
 */
export async function startBlackholeProxy(): Promise<BlackholeProxy> {
  const refused: RefusedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    refused.push({ line: `${req.method} ${req.url}`, at: Date.now() });
    res.writeHead(502, { 'content-length': '0', connection: 'close' }).end();
  });
  server.on('connect', (req, socket: Socket) => {
    refused.push({ line: `CONNECT ${req.url}`, at: Date.now() });
    socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A browser may reset a refused tunnel before it reads the 502. That is the refusal
    // working; but a CONNECT socket is handed over without the HTTP server's error handling,
    // so an unheard ECONNRESET was an uncaught exception that failed a whole run (seen once,
    // in dynamic-pages, with every test passing).
    socket.on('error', () => undefined);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    refused,
    launchOptions: () => ({
      chromiumArgs: [`--proxy-server=http://127.0.0.1:${port}`],
      firefoxPrefs: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': port,
        'network.proxy.share_proxy_settings': true,
        'network.proxy.allow_hijacking_localhost': false,
      },
    }),
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}
