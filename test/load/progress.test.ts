import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { Progress } from '../../load/progress.js';
import { LoadRecorder } from '../../load/recorder.js';

function stream(tty: boolean): Writable & { isTTY?: boolean; text: string } {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      sink.text += chunk.toString();
      done();
    },
  }) as Writable & { isTTY?: boolean; text: string };
  sink.text = '';
  sink.isTTY = tty;
  return sink;
}

describe('Progress', () => {
  it('rewrites one line on a terminal', async () => {
    const out = stream(true);
    const recorder = new LoadRecorder();
    recorder.response({ label: 'me', status: 200, latencyUs: 1500, serviceUs: 1500, at: Date.now() });
    const progress = new Progress({ stream: out });
    progress.watch('read-mix (smoke)', recorder, 8);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    progress.stop();
    assert.match(out.text, /^\r\x1b\[Kread-mix \(smoke\)  [\d.]+s\/8s  1 responses  \d+\/s  p99 1\.5ms/);
    assert.ok(!out.text.includes('\n'));
    assert.ok(out.text.endsWith('\r\x1b[K'));
  });

  it('prints plain periodic lines elsewhere (CI logs)', async () => {
    const out = stream(false);
    const progress = new Progress({ stream: out, plainEverySeconds: 0.1 });
    progress.watch('soak (smoke)', new LoadRecorder(), 15);
    await new Promise((resolve) => setTimeout(resolve, 350));
    progress.stop();
    progress.say('done');
    const lines = out.text.trimEnd().split('\n');
    assert.ok(lines.length >= 3, out.text);
    assert.ok(lines.slice(0, -1).every((line) => line.startsWith('soak (smoke)  ') && !line.includes('\r')));
    assert.equal(lines[lines.length - 1], 'done');
  });

  it('says nothing when quiet', () => {
    const out = stream(true);
    const progress = new Progress({ stream: out, quiet: true });
    progress.watch('x', new LoadRecorder(), 1);
    progress.say('hello');
    progress.stop();
    assert.equal(out.text, '');
  });
});
