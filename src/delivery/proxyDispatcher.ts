import { ProxyAgent, type Agent } from 'undici';
import { UsageError } from '../errors';
import { maskUrlCredentials } from '../redaction/maskUrlCredentials';

/** The environment variables a proxy is read from (as curl and undici read them: lower case first). */
export type ProxyEnvironment = Readonly<Record<string, string | undefined>>;

/** Where deliveries to one target go: straight to it, or through this proxy. */
export interface ProxyRoute {
  /** The proxy's URL with its password masked (`http://user:***@proxy:3128`), for provenance. */
  readonly proxy: string;
  /** The proxy's host and port: where the connections go. */
  readonly address: string;
  readonly port: number;
  readonly dispatcher: ProxyAgent;
}

/** Options of the proxy agents: the same deadlines and pool as the direct agent. */
export type ProxyAgentOptions = Pick<Agent.Options, 'connections' | 'headersTimeout' | 'bodyTimeout' | 'keepAliveTimeout' | 'keepAliveMaxTimeout'> & {
  readonly ca?: Array<string | Buffer>;
};

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

// When NO_PROXY is not set at all, loopback targets still go direct: a corporate proxy cannot
// reach the developer's own machine, so proxying them would only break `serve` + `certify` on a
// laptop behind a proxy. A NO_PROXY that is set (even empty) is honoured exactly, as undici does.
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The proxy (if any) for deliveries to `target`, from HTTPS_PROXY / HTTP_PROXY / NO_PROXY (lower
 * case first), with undici's own rules: https targets use HTTPS_PROXY, else HTTP_PROXY; http
 * targets use HTTP_PROXY; NO_PROXY lists host names (a leading `.` or `*.` matches subdomains),
 * optionally `:port`, or `*` for none. The agent is undici's ProxyAgent (CONNECT for https,
 * absolute-form requests for http). Undefined when the target goes direct.
 */
export function proxyRoute(target: URL, env: ProxyEnvironment, options: ProxyAgentOptions): ProxyRoute | undefined {
  const uri = proxyFor(target, env);
  if (uri === undefined) return undefined;
  const { ca, ...agentOptions } = options;
  const parsed = new URL(uri);
  return {
    proxy: maskUrlCredentials(uri),
    address: parsed.hostname,
    port: Number.parseInt(parsed.port, 10) || (DEFAULT_PORTS[parsed.protocol] ?? 0),
    // proxyTunnel false: http targets are sent in absolute form (as curl does), https ones through CONNECT.
    dispatcher: new ProxyAgent({ ...agentOptions, uri, proxyTunnel: false, ...(ca !== undefined ? { requestTls: { ca } } : {}) }),
  };
}

/** The proxy URL `target` goes through under `env`, or undefined (direct). */
export function proxyFor(target: URL, env: ProxyEnvironment): string | undefined {
  const http = nonEmpty(env.http_proxy ?? env.HTTP_PROXY);
  const uri = target.protocol === 'https:' ? (nonEmpty(env.https_proxy ?? env.HTTPS_PROXY) ?? http) : http;
  if (uri === undefined) return undefined;
  const name = target.protocol === 'https:' && nonEmpty(env.https_proxy ?? env.HTTPS_PROXY) !== undefined ? 'HTTPS_PROXY' : 'HTTP_PROXY';
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    // Never echoed: a proxy URL may carry a password.
    throw new UsageError(`${name} is not a URL: give it as http://host:port (or http://user:password@host:port)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`${name} must be an http:// or https:// URL (hookproof speaks to HTTP proxies only)`);
  const noProxy = env.no_proxy ?? env.NO_PROXY;
  return bypasses(target, noProxy) ? undefined : uri;
}

/** undici's NO_PROXY rule (EnvHttpProxyAgent), plus loopback when NO_PROXY is not set at all. */
function bypasses(target: URL, noProxy: string | undefined): boolean {
  const hostname = target.hostname.toLowerCase();
  const port = Number.parseInt(target.port, 10) || (DEFAULT_PORTS[target.protocol] ?? 0);
  if (noProxy === undefined) return LOOPBACK.includes(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
  if (noProxy.trim() === '*') return true;
  for (const entry of noProxy.split(/[,\s]/)) {
    if (entry === '') continue;
    const withPort = /^(.+):(\d+)$/.exec(entry);
    const host = (withPort?.[1] ?? entry).replace(/^\*?\./, '').toLowerCase();
    const entryPort = withPort?.[2] !== undefined ? Number.parseInt(withPort[2], 10) : 0;
    if (entryPort !== 0 && entryPort !== port) continue;
    if (hostname === host || hostname.endsWith(`.${host}`)) return true;
  }
  return false;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
