import { BROKER_VARIABLES, type BrokerConnection, type Environment } from './brokerConnection';

/**
 * The environment for the Pact CLI: the caller's, with the PACT_BROKER_* variables replaced by the
 * resolved connection. Secrets travel to the child this way, never on its command line (where any
 * user of the machine could read them in the process list).
 */
export function brokerEnvironment(connection: BrokerConnection, env: Environment): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !(BROKER_VARIABLES as readonly string[]).includes(name)) out[name] = value;
  }
  out.PACT_BROKER_BASE_URL = connection.url;
  if (connection.auth.kind === 'token') out.PACT_BROKER_TOKEN = connection.auth.token;
  if (connection.auth.kind === 'basic') {
    out.PACT_BROKER_USERNAME = connection.auth.username;
    out.PACT_BROKER_PASSWORD = connection.auth.password;
  }
  return out;
}

/** Every form in which a secret of the connection could show up in output: raw, URL-encoded, in a Basic header. */
export function connectionSecrets(connection: BrokerConnection): string[] {
  const secrets = urlSecrets(connection.url);
  if (connection.auth.kind === 'token') secrets.push(connection.auth.token);
  if (connection.auth.kind === 'basic') {
    const { username, password } = connection.auth;
    secrets.push(password, encodeURIComponent(password), Buffer.from(`${username}:${password}`).toString('base64'));
  }
  return secrets.filter((s) => s !== '');
}

/** The password of a URL with credentials (`https://user:secret@host`), raw, decoded and as Basic credentials. */
function urlSecrets(url: string): string[] {
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/@]*)@/i.exec(url)?.[1];
  const colon = userinfo?.indexOf(':') ?? -1;
  if (userinfo === undefined || colon < 0) return [];
  const password = userinfo.slice(colon + 1);
  return [password, decodeSafely(password), Buffer.from(decodeSafely(userinfo)).toString('base64')];
}

/** A broker URL as it may be shown: without user name and password. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
