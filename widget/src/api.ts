import { Client, createClient } from 'graphql-ws';

/** A GraphQL error as the API returns it, with the code and reason from `extensions`. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly reason: string | undefined,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

/** Talks to the HiLink API with one participant token: GraphQL over fetch and graphql-ws. */
export class WidgetApi {
  private socket?: Client;

  constructor(
    readonly apiUrl: string,
    private readonly token: string,
  ) {}

  /** Runs a query or mutation and returns its data; raises ApiError with the first error's message. */
  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new ApiError(
        `Cannot reach the classroom server at ${this.apiUrl}. Check the connection.`,
        undefined,
        undefined,
      );
    }
    let body: GraphQLResponse<T>;
    try {
      body = (await response.json()) as GraphQLResponse<T>;
    } catch {
      throw new ApiError(
        `The classroom server responded with HTTP ${response.status}.`,
        undefined,
        undefined,
      );
    }
    const first = body.errors?.[0];
    if (first) {
      throw new ApiError(first.message, first.extensions?.code, first.extensions?.reason);
    }
    if (!body.data) {
      throw new ApiError(
        `The classroom server responded with HTTP ${response.status} and no data.`,
        undefined,
        undefined,
      );
    }

    return body.data;
  }

  /**
   * Subscribes over graphql-ws at /graphql; the token travels in the connection_init payload.
   * Returns the function that ends the subscription.
   */
  subscribe<T>(
    query: string,
    variables: Record<string, unknown>,
    onData: (data: T) => void,
    onError: (error: unknown) => void,
  ): () => void {
    if (!this.socket) {
      const wsUrl = `${this.apiUrl.replace(/^http/, 'ws')}/graphql`;
      this.socket = createClient({
        url: wsUrl,
        connectionParams: { authorization: `Bearer ${this.token}` },
        retryAttempts: 5,
        lazy: true,
      });
    }

    return this.socket.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          if (result.data) {
            onData(result.data as T);
          }
        },
        error: onError,
        complete: () => undefined,
      },
    );
  }

  close(): void {
    void this.socket?.dispose();
    this.socket = undefined;
  }
}
