/** The SDK's own tests in sdk/test/, with the repository's jest setup: `npm test -w sdk`. */
const repository = require('../jest.config.js');

module.exports = { ...repository, rootDir: '..', roots: ['<rootDir>/sdk/test'] };
