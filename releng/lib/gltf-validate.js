// Validates a glTF or GLB file with the Khronos validator (npm gltf-validator, installed by
// releng/test into out/node-tools). Usage: node gltf-validate.js VALIDATOR_DIR FILE
// Prints the validator's counts and first messages as JSON; exits 0 only with no error.
const fs = require('fs');
const validator = require(process.argv[2]);
const file = process.argv[3];
validator.validateBytes(new Uint8Array(fs.readFileSync(file)))
  .then((report) => {
    const issues = report.issues;
    console.log(JSON.stringify({
      file,
      errors: issues.numErrors,
      warnings: issues.numWarnings,
      infos: issues.numInfos,
      messages: issues.messages.slice(0, 20),
    }));
    process.exit(issues.numErrors === 0 ? 0 : 1);
  })
  .catch((e) => {
    console.error(`${file}: the validator could not read it: ${e}`);
    process.exit(2);
  });
