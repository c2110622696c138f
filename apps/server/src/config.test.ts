import { describe, expect, it } from 'vitest';
import { ConfigError, serverConfig } from './config.js';

describe('the server configuration', () => {
  it('a production server without PUBLIC_URL refuses to start with a plain message', () => {
    expect(() => serverConfig({ DATABASE_URL: 'postgres://db/instap' })).toThrow(ConfigError);
    expect(() => serverConfig({ INSTAP_DEMO: '0' })).toThrow(/does not start without PUBLIC_URL/);
  });

  it('links come from PUBLIC_URL; only the demo falls back to localhost', () => {
    expect(serverConfig({ DATABASE_URL: 'postgres://db/instap', PUBLIC_URL: 'https://inschrijven.kortrijk.be/' })).toMatchObject({ demo: false, publicOrigin: 'https://inschrijven.kortrijk.be' });
    expect(serverConfig({ PORT: '4100' })).toMatchObject({ demo: true, port: 4100, publicOrigin: 'http://localhost:4100' });
  });

  it('refuses a PUBLIC_URL that is not a plain address', () => {
    for (const bad of ['inschrijven.kortrijk.be', 'ftp://x.example', 'https://x.example/instap', 'https://a:b@x.example'])
      expect(() => serverConfig({ INSTAP_DEMO: '0', PUBLIC_URL: bad })).toThrow(ConfigError);
  });
});
