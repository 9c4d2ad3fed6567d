import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

describe("The web app's API client", () => {
  it('is generated from the API as it is now (run `npm run openapi` after changing the API)', () => {
    // The built API, as the Swagger plugin documents it at build time (`npm test` builds first).
    const live: unknown = JSON.parse(execFileSync(process.execPath, ['dist/src/openapi.js']).toString());
    const committed: unknown = JSON.parse(readFileSync('web/src/api/openapi.json', 'utf8'));
    expect(committed).toEqual(live);
  });
});
