// scheme "://" then the authority (up to the path, query, fragment or whitespace).
const URL_AUTHORITY = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#]*)/gi;

/**
 * `text` with the credentials of every URL in it masked: `http://u:pw@host` becomes
 * `http://u:***@host`, and a user-only `http://token@host` becomes `http://***@host` (such a
 * user is usually a token). Works on any text (a message, a command line, an error from another
 * tool), not only on a whole URL, and never normalises what it leaves alone.
 */
export function maskUrlCredentials(text: string): string {
  return text.replace(URL_AUTHORITY, (whole, scheme: string, authority: string) => {
    const at = authority.lastIndexOf('@');
    if (at < 0) return whole;
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    const masked = colon < 0 ? '***' : `${userinfo.slice(0, colon)}:***`;
    return `${scheme}${masked}${authority.slice(at)}`;
  });
}
