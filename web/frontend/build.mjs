// Copies the browser bundles the website serves into the jar's web-assets (the website adds content hashes).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
mkdirSync(out, { recursive: true });
copyFileSync('node_modules/tus-js-client/dist/tus.min.js', join(out, 'tus.min.js'));
console.log('tus-js-client copied to ' + out);
// ALTCHA's "external" build: no inline style or blob worker, so it runs under the site's strict CSP
// (script-src 'self', style-src 'self'); the page names the worker's hashed URL (workerurl).
copyFileSync('node_modules/altcha/dist_external/altcha.js', join(out, 'altcha.js'));
copyFileSync('node_modules/altcha/dist_external/worker.js', join(out, 'altcha-worker.js'));
copyFileSync('node_modules/altcha/dist_external/altcha.css', join(out, 'altcha.css'));
console.log('altcha widget copied to ' + out);
// jsQR: reads QR codes from the desk camera's frames (the check-in scanner, where the browser has no BarcodeDetector);
// a UMD bundle that defines window.jsQR, loaded by kantor-scan.js only when the officer opens the camera.
copyFileSync('node_modules/jsqr/dist/jsQR.js', join(out, 'jsqr.js'));
console.log('jsQR copied to ' + out);
