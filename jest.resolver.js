/**
 * Resolves a relative `./name.js` import to `./name.ts` when no such .js file exists, as
 * TypeScript does. The SDK's sources write their relative imports with `.js` so that its ES
 * module build runs in Node.
 */
module.exports = (request, options) => {
  try {
    return options.defaultResolver(request, options);
  } catch (error) {
    if (/^\.{1,2}\//.test(request) && request.endsWith('.js')) {
      return options.defaultResolver(`${request.slice(0, -3)}.ts`, options);
    }
    throw error;
  }
};
