import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy } from '../../../client/src/restartPolicy';

describe('language server restart policy', () => {
  it('restarts and tells the user only the first time', () => {
    let now = 0;
    const policy = new RestartPolicy(() => now);
    const first = policy.onServerClosed();
    assert.equal(first.restart, true);
    assert.match(first.message ?? '', /restarted/);
    now += RESTART_WINDOW_MS + 1;
    const second = policy.onServerClosed();
    assert.deepEqual(second, { restart: true });
  });

  it('gives up after too many crashes in the window, and says so', () => {
    let now = 0;
    const policy = new RestartPolicy(() => now);
    for (let i = 0; i < MAX_RESTARTS; i++) {
      assert.equal(policy.onServerClosed().restart, true);
      now += 1000;
    }
    const last = policy.onServerClosed();
    assert.equal(last.restart, false);
    assert.match(last.message ?? '', /will not be restarted/);
  });

  it('forgets crashes older than the window', () => {
    let now = 0;
    const policy = new RestartPolicy(() => now);
    for (let i = 0; i < MAX_RESTARTS * 3; i++) {
      assert.equal(policy.onServerClosed().restart, true, `crash ${i}`);
      now += RESTART_WINDOW_MS / 2;
    }
  });
});
