// Writes to /api signed in by the cookie must carry the antiforgery token (ApiAntiforgery.cs):
// every page renders it into <meta name="csrf-token" data-header="...">, which another site's
// page cannot read, and a header it cannot add to a cross-origin request.

export function withRequestToken(headers = {}) {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta?.content ? { ...headers, [meta.dataset.header]: meta.content } : headers;
}
