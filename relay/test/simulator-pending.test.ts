import { describe, it } from 'vitest';

// Written by the lead once the simulator lands (issue 4, Must show): they need its IP whitelist and its
// authorization page, which loopback stand-ins cannot prove.
describe('relay against the simulator', () => {
  it.todo('61004 for a call from 127.0.0.2 directly; the same call through the CONNECT tunnel succeeds');
  it.todo('headless Chromium: the launch page link passes the simulator Referer check and completes an authorization');
  it.todo('the auth_callback and the authorized push for the same code are both delivered and identifiable as one');
});
