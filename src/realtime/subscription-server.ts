import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getOperationAST, GraphQLError, parse } from 'graphql';
import { Context, handleProtocols, SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { IncomingMessage, Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { SubscriptionAuthenticator, UNAUTHORIZED_CLOSE_CODE } from './subscription-auth';

/** The path of both GraphQL over HTTP and GraphQL over WebSocket. */
export const SUBSCRIPTIONS_PATH = '/graphql';
/** How often an open connection's credential is checked again for revocation and expiry. */
export const CREDENTIAL_RECHECK_MS = 30_000;
/** Maximum size of one client message, bytes; ws defaults to 100 MiB, and a subscribe message is small. */
const MAX_MESSAGE_BYTES = 64 * 1024;
/** How long shutdown waits for clients to complete the closing handshake before it drops their sockets. */
const CLOSE_GRACE_MS = 1_000;

type ConnectionContext = Context<Record<string, unknown> | undefined, { socket: WebSocket; request: IncomingMessage }>;

/** An authenticated connection: its credential and the timer that checks it again. */
interface Connection {
  credential: string;
  recheck: NodeJS.Timeout;
}

/**
 * Serves GraphQL subscriptions over the graphql-ws protocol (`graphql-transport-ws`) on the
 * HTTP server that Fastify listens on. A client authenticates in its connection_init payload.
 * Every subscribe then runs the Nest resolvers with the same guard, scopes and error mapping
 * as an HTTP request carrying that credential.
 */
@Injectable()
export class SubscriptionServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SubscriptionServer.name);
  private readonly connections = new Map<WebSocket, Connection>();
  private httpServer?: Server;
  private webSocketServer?: WebSocketServer;
  private graphqlWs?: { dispose(): void | Promise<void> };

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly authenticator: SubscriptionAuthenticator,
  ) {}

  /** Attaches once every module is initialized, because GraphQLModule builds the schema during init. */
  onApplicationBootstrap(): void {
    const { schema } = this.moduleRef.get(GraphQLSchemaHost, { strict: false });
    this.webSocketServer = new WebSocketServer({ noServer: true, handleProtocols, maxPayload: MAX_MESSAGE_BYTES });
    this.graphqlWs = useServer(
      {
        schema,
        onConnect: (ctx: ConnectionContext) => this.onConnect(ctx),
        onSubscribe: (_ctx: ConnectionContext, _id: string, payload: SubscribePayload) =>
          rejectNonSubscription(payload),
        context: (ctx: ConnectionContext) => this.operationContext(ctx),
        onClose: (ctx: ConnectionContext) => this.forget(ctx.extra.socket),
      },
      this.webSocketServer,
    );
    this.httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.httpServer.on('upgrade', this.onUpgrade);
  }

  /**
   * Closes every WebSocket with 1001 (going away) before the HTTP server closes, since an open
   * WebSocket would keep the server from closing.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.httpServer?.off('upgrade', this.onUpgrade);
    for (const socket of [...this.connections.keys()]) {
      this.forget(socket);
    }
    const clients = [...(this.webSocketServer?.clients ?? [])];
    // dispose() sends 1001 to every client and resolves once all of them have closed.
    const disposed = this.graphqlWs?.dispose();
    await waitForClose(clients, CLOSE_GRACE_MS);
    for (const client of clients) {
      client.terminate();
    }
    await disposed;
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const server = this.webSocketServer;
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (server && pathname === SUBSCRIPTIONS_PATH) {
      server.handleUpgrade(request, socket, head, (webSocket) => server.emit('connection', webSocket, request));

      return;
    }
    // Other upgrade listeners, if any were added, own the other paths.
    if (this.httpServer?.listenerCount('upgrade') === 1) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  };

  private async onConnect(ctx: ConnectionContext): Promise<boolean> {
    const socket = ctx.extra.socket;
    const result = await this.authenticator.authenticate(ctx.connectionParams);
    if (!result.ok) {
      this.logger.warn(
        { reason: result.reason, remoteAddress: ctx.extra.request.socket.remoteAddress },
        'Subscription connection rejected',
      );
      socket.close(UNAUTHORIZED_CLOSE_CODE, result.reason);

      // graphql-ws then closes with 4403, which is ignored because the socket is already closing.
      return false;
    }
    const recheck = setInterval(() => void this.recheck(socket), CREDENTIAL_RECHECK_MS);
    recheck.unref();
    this.connections.set(socket, { credential: result.credential, recheck });

    return true;
  }

  /** Closes the connection with 4401 once its credential is revoked or expires. */
  private async recheck(socket: WebSocket): Promise<void> {
    const connection = this.connections.get(socket);
    if (!connection) {
      return;
    }
    let valid: boolean;
    try {
      valid = await this.authenticator.isValid(connection.credential);
    } catch (error) {
      this.logger.error({ err: error }, 'Failed to check a subscription credential again; the connection stays open');

      return;
    }
    if (!valid) {
      this.logger.log('Subscription connection closed: its credential was revoked or expired');
      this.forget(socket);
      socket.close(UNAUTHORIZED_CLOSE_CODE, 'The credential was revoked or has expired. Connect again with a valid one.');
    }
  }

  /**
   * Builds the GraphQL context of one subscribe, shaped like an HTTP request so that the auth
   * guard reads the bearer credential and attaches the caller's RequestContext to it.
   */
  private operationContext(ctx: ConnectionContext): { req: { id: string; headers: Record<string, string> } } {
    const credential = this.connections.get(ctx.extra.socket)?.credential ?? '';

    return { req: { id: randomUUID(), headers: { authorization: `Bearer ${credential}` } } };
  }

  private forget(socket: WebSocket): void {
    const connection = this.connections.get(socket);
    if (connection) {
      clearInterval(connection.recheck);
      this.connections.delete(socket);
    }
  }
}

/**
 * Rejects queries and mutations, which belong on HTTP POST /graphql with its request logging
 * and limits. Returning nothing lets graphql-ws parse, validate and run the subscription.
 */
function rejectNonSubscription(payload: SubscribePayload): GraphQLError[] | undefined {
  let operationType: string | undefined;
  try {
    operationType = getOperationAST(parse(payload.query), payload.operationName)?.operation;
  } catch (error) {
    return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
  }
  if (operationType !== undefined && operationType !== 'subscription') {
    return [
      new GraphQLError(
        `Only subscriptions are served over WebSocket; send the ${operationType} as HTTP POST ${SUBSCRIPTIONS_PATH}.`,
        { extensions: { code: 'BAD_USER_INPUT', reason: 'NOT_A_SUBSCRIPTION' } },
      ),
    ];
  }

  return undefined;
}

/** Resolves once every socket is closed, or after timeoutMs. */
function waitForClose(sockets: WebSocket[], timeoutMs: number): Promise<void> {
  const open = sockets.filter((socket) => socket.readyState !== WebSocket.CLOSED);
  if (open.length === 0) {
    return Promise.resolve();
  }

  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    let remaining = open.length;
    for (const socket of open) {
      socket.once('close', () => {
        remaining -= 1;
        if (remaining === 0) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
  });
}
