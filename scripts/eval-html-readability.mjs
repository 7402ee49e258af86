// Mozilla Readability over every input/N.html of a set, writing OUT/N.txt with
// its textContent (empty when Readability finds no article).
// usage: node eval-html-readability.mjs INPUT_DIR OUT_DIR   (NODE_PATH points at node_modules)
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(path.join(process.env.EVAL_HTML_MODULES ?? process.cwd(), "x.js"));
const { Readability } = require("@mozilla/readability");
const { parseHTML } = require("linkedom");

const [inputDir, outDir] = process.argv.slice(2);
fs.mkdirSync(outDir, { recursive: true });
for (const name of fs.readdirSync(inputDir).sort()) {
  if (!name.endsWith(".html")) continue;
  const html = fs.readFileSync(path.join(inputDir, name), "utf8");
  let text = "";
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document).parse();
    text = article?.textContent ?? "";
  } catch (e) {
    text = "";
  }
  fs.writeFileSync(path.join(outDir, name.replace(/\.html$/, ".txt")), text);
}
