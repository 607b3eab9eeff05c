// Copies the browser builds of the front-end libraries from node_modules into
// static/vendor/, so the served UI needs neither a CDN nor npm at run time.
// Run after `npm ci`; the copied files are committed.
import { copyFileSync, mkdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "static", "vendor");

// Order matters: each UMD build reads the global defined by the one before it.
const FILES = [
  ["cytoscape", "dist/cytoscape.min.js", "cytoscape.min.js"],
  ["layout-base", "layout-base.js", "layout-base.js"],
  ["cose-base", "cose-base.js", "cose-base.js"],
  ["cytoscape-fcose", "cytoscape-fcose.js", "cytoscape-fcose.js"],
  // The foreign-affairs world map: Natural Earth country shapes (1:110m, ~100 KB) drawn with d3-geo.
  ["d3-array", "dist/d3-array.min.js", "d3-array.min.js"],
  ["d3-geo", "dist/d3-geo.min.js", "d3-geo.min.js"],
  ["topojson-client", "dist/topojson-client.min.js", "topojson-client.min.js"],
  ["world-atlas", "countries-110m.json", "countries-110m.json"],
];

mkdirSync(out, { recursive: true });
const manifest = [];
for (const [pkg, src, dest] of FILES) {
  const pkgDir = join(modules, pkg);
  if (!existsSync(pkgDir)) {
    console.error(`vendor.mjs: ${pkg} is not installed; run \`npm ci\` in web/ first`);
    process.exit(1);
  }
  const meta = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  copyFileSync(join(pkgDir, src), join(out, dest));
  copyFileSync(join(pkgDir, "LICENSE"), join(out, `${pkg}.LICENSE`));
  manifest.push(`${dest}\t${pkg}@${meta.version}\t${meta.license}`);
}
writeFileSync(join(out, "VERSIONS.tsv"), manifest.join("\n") + "\n");
console.log(`vendored ${FILES.length} files into static/vendor/`);
