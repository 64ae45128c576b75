const HOST = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Mail providers whose domain says nothing about a company. */
export const FREE_MAIL_DOMAINS = new Set([
  "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "hotmail.com", "hotmail.co.uk", "outlook.com",
  "live.com", "msn.com", "aol.com", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net",
  "web.de", "t-online.de", "orange.fr", "free.fr", "laposte.net", "libero.it", "mail.ru", "yandex.ru", "qq.com", "163.com",
]);

/**
 * The bare domain of a website or an email written in a domain field: "HTTPS://www.Acme.com/about" and
 * "sales@acme.com" → "acme.com"; or why it is not a domain.
 */
export function normalizeDomain(value: string): { value: string } | { invalid: string } {
  let host = value.trim().toLowerCase();
  const at = host.lastIndexOf("@");
  if (at >= 0) host = host.slice(at + 1);
  host = host
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/[/?#:].*$/, "")
    .replace(/^www\d?\./, "")
    .replace(/\.$/, "");
  if (!HOST.test(host)) return { invalid: "not a domain" };
  return { value: host };
}
