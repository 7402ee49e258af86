// The comparable work in compromise: people, organisations and places of every
// document of a JSONL corpus (scripts/bench copies this next to its node_modules).
const fs = require('fs');
const readline = require('readline');
const nlp = require('compromise');

async function main() {
  const rl = readline.createInterface({ input: fs.createReadStream(process.argv[2]), crlfDelay: Infinity });
  let docs = 0, bytes = 0, found = 0;
  const t0 = process.hrtime.bigint();
  for await (const line of rl) {
    if (!line) continue;
    const text = JSON.parse(line).text;
    const doc = nlp(text);
    found += doc.people().length + doc.organizations().length + doc.places().length;
    docs += 1;
    bytes += Buffer.byteLength(text);
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stderr.write(`compromise: ${docs} docs, ${found} names, ${(bytes / 1e6 / s).toFixed(3)} MB/s\n`);
}
main();
