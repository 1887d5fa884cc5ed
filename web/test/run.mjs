/* global process, console, URL */
// `npm test -w web`: the browser tests. Chromium comes from Debian (`chromium` and
// `fonts-noto-cjk`, without which every Chinese label is a box); when it is missing it is
// installed with apt-get where we are root, else the run stops saying how to install it.
// Playwright's own `playwright install` is never run: its download host is out of reach.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const chromium = process.env.FUPIN_CHROMIUM ?? '/usr/bin/chromium';
const fonts = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const web = fileURLToPath(new URL('..', import.meta.url));

if (!existsSync(chromium) || (!process.env.FUPIN_CHROMIUM && !existsSync(fonts))) {
  const root = process.getuid?.() === 0;
  if (root && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0) {
    console.log('web tests: installing chromium and fonts-noto-cjk with apt-get (once)');
    const ok = spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk'], { stdio: 'inherit' }).status === 0;
    if (!ok || !existsSync(chromium)) {
      console.error('web tests: apt-get could not install chromium; install it (apt-get install chromium fonts-noto-cjk) or set FUPIN_CHROMIUM to a Chromium binary');
      process.exit(1);
    }
  } else {
    console.error(`web tests need Chromium at ${chromium} and the CJK fonts: run  sudo apt-get install chromium fonts-noto-cjk  (or set FUPIN_CHROMIUM to a Chromium binary)`);
    process.exit(1);
  }
}
if (!existsSync(new URL('../dist/index.html', import.meta.url))) {
  console.error('web tests: the page is not built (web/dist/index.html): run  npm run build -w web  (npm test builds it first)');
  process.exit(1);
}
const cli = fileURLToPath(import.meta.resolve('@playwright/test/cli'));
const res = spawnSync(process.execPath, [cli, 'test', ...process.argv.slice(2)], { cwd: web, stdio: 'inherit' });
process.exit(res.status ?? 1);
