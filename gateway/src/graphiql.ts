import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Route } from '@fupin/kit';

const require = createRequire(import.meta.url);
const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * GraphiQL from local files: the hub runs on intranets with no internet, so nothing may
 * come from a CDN.
 */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/graphiql/react.js': { file: join(pkgDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  '/graphiql/react-dom.js': { file: join(pkgDir('react-dom'), 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  '/graphiql/graphiql.js': { file: join(pkgDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  '/graphiql/graphiql.css': { file: join(pkgDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
};

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>Fupin Hub · GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/graphiql.css">
  <style>html, body { height: 100%; margin: 0; } body { display: flex; flex-direction: column; } #graphiql { flex: 1; min-height: 0; }
    #sign-in { font: 13px sans-serif; padding: 6px 10px; border-bottom: 1px solid #ddd; display: flex; gap: 8px; align-items: center; } #sign-in:empty { display: none; }</style>
</head>
<body>
  <form id="sign-in"></form>
  <div id="graphiql">Loading…</div>
  <script src="/graphiql/react.js"></script>
  <script src="/graphiql/react-dom.js"></script>
  <script src="/graphiql/graphiql.js"></script>
  <script src="/graphiql/start.js"></script>
</body>
</html>`;

// Same-origin script (no inline code), so a strict Content-Security-Policy can stay on.
// A first query over the demo county, so a newcomer sees data with one click.
const DEFAULT_QUERY = `# Fupin Hub: the demo county (江夏区, 420115) loaded by \`npm start\`
# Every request needs a token: paste one under Headers below. In development:
#   npm run --silent token -- --role COUNTY_OFFICER --region 420115000000
query County {
  region(code: "420115000000") {
    name
    children {
      code
      name
      households(first: 3) {
        totalCount
        nodes { householdNumber status type head { name maskedIdNumber } }
      }
    }
  }
}
`;

const DEFAULT_HEADERS = JSON.stringify({ authorization: 'Bearer <token>' }, null, 2);

/**
 * Development only (the hub passes it when it signs its own tokens): a sign-in bar above
 * GraphiQL that asks the hub for a token of a role, region and department and sends it with
 * every request, and the contract's operations as tabs, so a newcomer explores at once.
 */
export interface GraphiqlOptions {
  /** Signs a development token for these claims; throws with the reason when they are refused. */
  signIn?: (claims: { role: string; region: string; department?: string }) => Promise<string>;
  roles?: readonly string[];
  departments?: readonly string[];
  /** Documents to open as tabs (the served contract operations). */
  tabs?: string[];
}

export const SIGN_IN_PATH = '/graphiql/sign-in';

function startScript(options: GraphiqlOptions): string {
  const tabs = [{ query: DEFAULT_QUERY }, ...(options.tabs ?? []).map((query) => ({ query }))];
  if (!options.signIn) {
    return `const fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: { 'apollo-require-preflight': 'true' } });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultTabs: ${JSON.stringify(tabs)}, defaultHeaders: ${JSON.stringify(DEFAULT_HEADERS)}, defaultEditorToolsVisibility: 'headers' }));`;
  }
  return `const ROLES = ${JSON.stringify(options.roles ?? [])};
const DEPARTMENTS = ${JSON.stringify(options.departments ?? [])};
let token = null;
const form = document.getElementById('sign-in');
const el = (tag, props, ...children) => { const e = Object.assign(document.createElement(tag), props); e.append(...children); return e; };
const role = el('select', { name: 'role' }, ...ROLES.map((r) => el('option', { value: r, selected: r === 'COUNTY_OFFICER' }, r)));
const region = el('input', { name: 'region', value: '420115000000', size: 14 });
const department = el('select', { name: 'department' }, ...DEPARTMENTS.map((d) => el('option', { value: d }, d)));
const status = el('span', { textContent: 'not signed in' });
const showDepartment = () => (department.style.display = role.value === 'DEPARTMENT_OFFICER' ? '' : 'none');
role.addEventListener('change', showDepartment);
showDepartment();
form.append(el('b', { textContent: 'Development sign-in' }), role, el('span', { textContent: 'region' }), region, department, el('button', { type: 'submit', textContent: 'Sign in' }), status);
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const claims = { role: role.value, region: region.value.trim(), ...(role.value === 'DEPARTMENT_OFFICER' ? { department: department.value } : {}) };
  const res = await fetch('${SIGN_IN_PATH}', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(claims) });
  const body = await res.json();
  if (res.ok) { token = body.token; status.textContent = 'signed in as ' + claims.role + ' of ' + claims.region + (claims.department ? ' (' + claims.department + ')' : ''); }
  else { token = null; status.textContent = 'refused: ' + body.error; }
});
const plain = GraphiQL.createFetcher({ url: '/graphql', headers: { 'apollo-require-preflight': 'true' } });
// The signed-in token goes with every request (a token typed under Headers wins).
const fetcher = (params, opts) => plain(params, { ...opts, headers: { ...(token ? { authorization: 'Bearer ' + token } : {}), ...(opts && opts.headers) } });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultTabs: ${JSON.stringify(tabs)}, defaultEditorToolsVisibility: 'variables' }));`;
}

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:",
  'x-content-type-options': 'nosniff',
};

export const graphiqlPage: Route = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS });
  res.end(PAGE);
};

export const graphiqlRoutes = (options: GraphiqlOptions = {}): Record<string, Route> => ({
  '/graphiql/start.js': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript', ...SECURITY_HEADERS });
    res.end(startScript(options));
  },
  ...Object.fromEntries(
    Object.entries(ASSETS).map(([path, asset]) => [
      path,
      ((_req, res) => {
        res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400', ...SECURITY_HEADERS });
        createReadStream(asset.file).pipe(res);
      }) satisfies Route,
    ]),
  ),
});
