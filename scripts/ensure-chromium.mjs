// Makes sure Debian's Chromium is there before the browser tests run; never skips them silently.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `Chromium is missing at ${path}. Install it with "sudo apt-get install -y chromium" ` +
      '(or set CHROMIUM_PATH), then run npm test again. The browser tests are not skipped.',
  );
  process.exit(1);
}
console.info('Chromium is missing: installing Debian package "chromium" (apt-get) ...');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
  stdio: 'inherit',
  shell: '/bin/bash',
});
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing.`);
  process.exit(1);
}
