// Prints "N passed, N failed" from jest's JSON results (CI reads this line, not jest's own summary).
// A missing or unreadable results file counts as one failure: something broke before the tests ran.
// A second argument adds checks that failed outside jest (.ci/run: the lint, files the suite left in the clone).
const fs = require('node:fs');
let passed = 0;
let failed = 1;
try {
  const results = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  passed = results.numPassedTests;
  // suites that failed to run (syntax error, crashed setup) have no failed tests of their own
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  if (results.numTotalTests === 0) failed = Math.max(failed, 1);
} catch (error) {
  console.error(`no jest results: ${error.message}`);
}
failed += Number(process.argv[3] ?? 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
