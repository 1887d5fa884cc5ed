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
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
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

const START = `const fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: { 'apollo-require-preflight': 'true' } });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)}, defaultHeaders: ${JSON.stringify(DEFAULT_HEADERS)}, defaultEditorToolsVisibility: 'headers' }));`;

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:",
  'x-content-type-options': 'nosniff',
};

export const graphiqlPage: Route = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS });
  res.end(PAGE);
};

export const graphiqlRoutes: Record<string, Route> = {
  '/graphiql/start.js': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript', ...SECURITY_HEADERS });
    res.end(START);
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
};
