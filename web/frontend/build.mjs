// Copies the browser bundles the website serves into the jar's web-assets (the website adds content hashes).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
mkdirSync(out, { recursive: true });
copyFileSync('node_modules/tus-js-client/dist/tus.min.js', join(out, 'tus.min.js'));
console.log('tus-js-client copied to ' + out);
