import type { PublicCenter } from '@ta/settings';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The public pages' request.html with the center filled in where the page marks it, so a clinic's phone paints the
 * center's own header (name and logo) at once, before any script arrives, and the app needs no second request for it:
 * - `<title>`: the short name;
 * - `<meta name="ta-center" content="">`: the public settings as JSON, read by the app (apps/web/src/pages/public/center.ts);
 * - an element with `data-center="shortName"` or `data-center="name"`: that text;
 * - an element with `data-center="logo"`: the logo's <img>, when the center has one.
 * Everything inserted is HTML-escaped; the page's CSP forbids inline scripts, so the data travels in an attribute.
 */
export function renderCenterPage(template: string, center: PublicCenter): string {
  return template
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(center.shortName)}</title>`)
    .replace(/<meta name="ta-center" content="[^"]*"/, `<meta name="ta-center" content="${escapeHtml(JSON.stringify(center))}"`)
    .replace(
      /(<(\w+)[^>]*\sdata-center="(shortName|name)"[^>]*>)[^<]*(<\/\2>)/g,
      (_all, open: string, _tag, field: 'shortName' | 'name', close: string) => `${open}${escapeHtml(center[field])}${close}`,
    )
    .replace(/(<(\w+)[^>]*\sdata-center="logo"[^>]*>)[^<]*(<\/\2>)/, (all, open: string, _tag, close: string) =>
      center.logoUrl ? `${open}<img class="shell-logo" src="${escapeHtml(center.logoUrl)}" alt="" height="40" />${close}` : all,
    );
}
