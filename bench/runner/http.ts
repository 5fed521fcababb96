import http from 'node:http';

export interface RequestSpec {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
}

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A small HTTP/1.1 client over one keep-alive agent: node:http rather than fetch, because on a
 * two-core machine the load generator's own CPU competes with the server's, and fetch costs more
 * per request.
 */
export class HttpClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  private readonly base: URL;

  constructor(baseUrl: string) {
    this.base = new URL(baseUrl);
  }

  request(spec: RequestSpec, headers: Record<string, string> = {}): Promise<Response> {
    const payload = spec.body === undefined ? undefined : Buffer.from(JSON.stringify(spec.body));
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          agent: this.agent,
          host: this.base.hostname,
          port: this.base.port,
          method: spec.method,
          path: spec.path,
          headers: payload
            ? { ...headers, 'content-type': 'application/json', 'content-length': payload.length }
            : headers,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  }

  /** The request, which must answer 200; its JSON body. */
  async json<T>(spec: RequestSpec, headers: Record<string, string> = {}): Promise<T> {
    const response = await this.request(spec, headers);
    if (response.status !== 200)
      throw new Error(`${spec.method} ${spec.path} answered ${response.status}: ${response.body.toString()}`);
    return JSON.parse(response.body.toString()) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}
