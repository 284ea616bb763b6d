// Validates rubric YAML files against rubrics/rubric.schema.json, the schema editors use.
// Usage: node tools/validate-rubric-schema.mjs FILE.yaml [...]; prints every error and exits 1 if any file is invalid.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { parse } from "yaml";

const schemaPath = join(dirname(fileURLToPath(import.meta.url)), "..", "rubrics", "rubric.schema.json");
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

let invalid = 0;
for (const file of process.argv.slice(2)) {
  // The YAML 1.2 core schema reads "1.0.0" as a string and "1" as a number, as the loader does.
  const document = parse(readFileSync(file, "utf8"));
  if (validate(document)) {
    console.log(`${file}: valid`);
    continue;
  }
  invalid++;
  for (const error of validate.errors) {
    console.log(`${file}: ${error.instancePath || "/"} ${error.message}`);
  }
}
process.exit(invalid === 0 ? 0 : 1);
