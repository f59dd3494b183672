#!/usr/bin/env node
// Parses every Terraform file under a folder with HashiCorp's HCL parser (@cdktf/hcl2json: the Go hcl library
// compiled to WebAssembly), since no terraform binary is at hand in CI. Prints one JSON object, file path (relative
// to the folder, with /) -> that file's HCL as JSON, and exits 1 naming every file that does not parse.
//
//   npm ci --prefix terraform/tools          (the version pinned in package.json and package-lock.json)
//   node terraform/tools/hcl2json.cjs terraform > terraform.json
//
// HCL2JSON_MODULE may point at another installation of the package.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(process.argv[2] || path.join(__dirname, '..'));
const modulePath = process.env.HCL2JSON_MODULE || path.join(__dirname, 'node_modules', '@cdktf', 'hcl2json');

let hcl;
try {
  hcl = require(modulePath);
} catch (error) {
  console.error(`hcl2json: @cdktf/hcl2json is not installed at ${modulePath}`
    + ' (npm ci --prefix terraform/tools)');
  process.exit(2);
}

// Terraform files and the variable examples (HCL too); not the installed tools or provider caches.
function terraformFiles(folder) {
  const files = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === '.terraform' || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...terraformFiles(full));
    else if (/\.(tf|tfvars|tfvars\.example)$/.test(entry.name)) files.push(full);
  }
  return files.sort();
}

(async () => {
  const parsed = {};
  const failures = [];
  const files = terraformFiles(root);
  if (files.length === 0) {
    console.error(`hcl2json: no Terraform files under ${root}`);
    process.exit(1);
  }
  for (const file of files) {
    const relative = path.relative(root, file).split(path.sep).join('/');
    try {
      parsed[relative] = await hcl.parse(relative, fs.readFileSync(file, 'utf8'));
    } catch (error) {
      failures.push(`${relative}: ${String(error && error.message || error).trim()}`);
    }
  }
  if (failures.length > 0) {
    console.error(`hcl2json: ${failures.length} file(s) do not parse:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  process.stdout.write(JSON.stringify(parsed, null, 1) + '\n');
})().catch((error) => {
  console.error(`hcl2json: ${error && error.stack || error}`);
  process.exit(1);
});
