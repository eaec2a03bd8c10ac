// Validates an AsyncAPI document as integrators' tools read it (the AsyncAPI parser with its default rules):
// prints every diagnostic, exits 1 when one is an error. Usage: node validate-asyncapi.mjs <file>
import { Parser, fromFile } from '@asyncapi/parser';

const file = process.argv[2];
const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, file).parse();
const names = ['error', 'warning', 'information', 'hint'];
for (const d of diagnostics) {
  console.log(`${names[d.severity] ?? d.severity}\t${d.code}\t${(d.path || []).join('.')}\t${d.message}`);
}
const errors = diagnostics.filter((d) => d.severity === 0).length;
const warnings = diagnostics.filter((d) => d.severity === 1).length;
console.log(`${file}: ${document ? 'parsed' : 'NOT parsed'}, ${errors} error(s), ${warnings} warning(s)`);
process.exit(document && errors === 0 ? 0 : 1);
