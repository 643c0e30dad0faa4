// The cross-process lock around every store write (issue 13, item 5): racing processes, crashed
// writers' leftover locks and kill -9 must never lose a write that was reported as saved.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigStore } from '../../src/store/config.js';
import { inspectLock, JsonFile, takeOver, withFileLock } from '../../src/store/files.js';
import { compileStore } from './compile-store.js';

// Removed in afterAll: vitest's fork workers end without an 'exit' event.
const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-lock-'));
  made.push(dir);
  return dir;
}

/** A lock file as a crashed writer leaves it: some content, an old mtime. */
function plantStaleLock(lock: string, content: string, ageMs: number, flag: 'w' | 'wx' = 'w'): boolean {
  try {
    fs.writeFileSync(lock, content, { flag, mode: 0o600 });
  } catch {
    return false; // 'wx': a live writer holds it right now; leave it be
  }
  const then = (Date.now() - ageMs) / 1000;
  try {
    fs.utimesSync(lock, then, then);
  } catch {
    // released and gone in between: nothing planted
  }
  return true;
}

/** The pid of a process that has exited (so no process answers to it, barring reuse). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

let storeJs: string;
beforeAll(() => {
  storeJs = compileStore();
  made.push(storeJs);
});

describe('store lock', () => {
  it('loses no acknowledged write among 20 racing processes, with crashed writers\' locks and kill -9', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'config.json');
    const lock = `${file}.lock`;
    const writer = path.join(dir, 'writer.mjs');
    // Each write is acknowledged on stdout only after setValues returned, as `config set` prints "Saved".
    fs.writeFileSync(
      writer,
      `const { ConfigStore } = await import(${JSON.stringify(pathToFileURL(path.join(storeJs, 'store', 'config.js')).href)});
       const [dir, id, count] = process.argv.slice(2);
       const store = ConfigStore.open(dir);
       for (let j = 0; j < Number(count); j++) {
         const name = 'w' + id + '_' + j;
         try {
           store.setValues(name, { domain: name + '.example.com' });
           process.stdout.write('ok ' + name + '\\n');
         } catch (e) {
           process.stdout.write('fail ' + name + ' ' + (e.messageRef?.key ?? e.message) + '\\n');
         }
       }`,
    );
    // A lock left by a writer that crashed a minute ago, in the format of an older wxauth (a bare pid).
    plantStaleLock(lock, '4242', 60_000);

    const PROCESSES = 20;
    const WRITES = 5;
    const acked = new Set<string>();
    const failures: string[] = [];
    const children = Array.from({ length: PROCESSES }, (_, id) => {
      const child = spawn(process.execPath, [writer, dir, String(id), String(WRITES)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let buffer = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        buffer += d;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (line.startsWith('ok ')) acked.add(line.slice(3));
          else failures.push(line);
        }
      });
      return { child, exited: new Promise<void>((resolve) => child.on('close', () => resolve())) };
    });

    // While they run: more crashed writers' leftovers (only where no lock is held: 'wx'), and kill -9
    // a few writers wherever they are, in or out of the lock.
    const planter = setInterval(() => plantStaleLock(lock, 'garbage', 60_000, 'wx'), 30);
    const kills = [250, 400, 550].map((ms, i) =>
      setTimeout(() => children[(i * 11 + 3) % PROCESSES]?.child.kill('SIGKILL'), ms),
    );
    // A bound, not an expectation: on a loaded 2-core machine (the suite runs files in parallel)
    // twenty node processes take several seconds just to start.
    const guard = setTimeout(() => children.forEach((c) => c.child.kill('SIGKILL')), 40_000);
    await Promise.all(children.map((c) => c.exited));
    clearInterval(planter);
    kills.forEach(clearTimeout);
    clearTimeout(guard);

    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { profiles: Record<string, { domain?: string }> };
    const lost = [...acked].filter((name) => saved.profiles[name]?.domain !== `${name}.example.com`);
    expect(lost, `acknowledged but not in config.json (of ${acked.size} acknowledged)`).toEqual([]);
    // Not vacuous: nearly every write got through (only the killed writers' later ones may be missing).
    expect(acked.size).toBeGreaterThanOrEqual(PROCESSES * WRITES - 3 * WRITES);
    expect(failures).toEqual([]);
  }, 60_000);

  it('takes over at once the lock of a process that is gone, instead of waiting for it to age', () => {
    const dir = tempDir();
    const lock = path.join(dir, 'config.json.lock');
    plantStaleLock(lock, JSON.stringify({ pid: deadPid(), host: os.hostname(), token: 'crashed' }), 0);
    const started = Date.now();
    ConfigStore.open(dir).setValues('prod', { domain: 'www.example.com' });
    // The old lock waited for it to age: 5 s, then gave up.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(ConfigStore.open(dir).getProfile('prod')).toEqual({ domain: 'www.example.com' });
    expect(fs.existsSync(lock)).toBe(false);
  });

  // A writer killed between creating its temporary file and renaming it leaves both behind.
  it('after taking over a dead writer\'s lock, removes the half-written temporary file it left, and nothing else', () => {
    const dir = tempDir();
    const pid = deadPid();
    const lock = path.join(dir, 'config.json.lock');
    plantStaleLock(lock, JSON.stringify({ pid, host: os.hostname(), token: 'crashed' }), 0);
    const leftover = path.join(dir, `config.json.${pid}-mfx1-0-abc123.tmp`);
    fs.writeFileSync(leftover, '{"profiles":{"half', { mode: 0o600 });
    // Not the dead writer's: another writer's temporary file, and a file of the user's own.
    const others = [path.join(dir, `config.json.${process.pid}-mfx1-0-def456.tmp`), path.join(dir, 'config.json.old.tmp'), path.join(dir, `tokens.json.${pid}-mfx1-0-abc123.tmp`)];
    for (const file of others) fs.writeFileSync(file, 'x');
    ConfigStore.open(dir).setValues('prod', { domain: 'www.example.com' });
    expect(ConfigStore.open(dir).getProfile('prod')).toEqual({ domain: 'www.example.com' });
    expect(fs.existsSync(leftover)).toBe(false);
    for (const file of others) expect(fs.existsSync(file)).toBe(true);
  });

  // A waiter that gives up before the lock it waits on turns stale never gets to take it over.
  it('waits for a lock of unknown owner until it is stale (10 s) rather than giving up after 5 s', () => {
    const dir = tempDir();
    const lock = path.join(dir, 'config.json.lock');
    plantStaleLock(lock, 'not a wxauth lock', 4_500);
    ConfigStore.open(dir).setValues('prod', { domain: 'www.example.com' });
    expect(ConfigStore.open(dir).getProfile('prod')).toEqual({ domain: 'www.example.com' });
  }, 15_000);

  // The write is atomic: a failure part-way (disk full) leaves the old file whole and no stray file.
  it('a write that fails part-way (ENOSPC) keeps the old file as it was, mode 0600, and leaves no temporary file', () => {
    const dir = tempDir();
    ConfigStore.open(dir).setValues('prod', { appid: 'wx1234567890abcdef' });
    const store = ConfigStore.open(dir);
    const before = fs.readFileSync(store.path, 'utf8');
    const spy = vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, fsync'), { code: 'ENOSPC' });
    });
    try {
      let thrown: unknown;
      try {
        store.setValues('prod', { domain: 'www.example.com' });
      } catch (error) {
        thrown = error;
      }
      // exit 4 naming the file and what the system said
      expect(thrown).toMatchObject({ exitCode: 4, messageRef: { key: 'config.file.unwritable', params: { file: store.path } } });
      expect((thrown as { messageRef: { params: { detail: unknown } } }).messageRef.params.detail).toEqual({ key: 'common.os.ENOSPC', params: { code: 'ENOSPC' } });
    } finally {
      spy.mockRestore();
    }
    expect(fs.readFileSync(store.path, 'utf8')).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    store.setValues('prod', { domain: 'www.example.com' });
    expect(ConfigStore.open(dir).getProfile('prod')).toEqual({ appid: 'wx1234567890abcdef', domain: 'www.example.com' });
    expect(fs.statSync(store.path).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  // On a full disk a file can be created but not written: the empty file made to take the gate or
  // the lock was left in the folder for good, while the error said wxauth changed nothing.
  for (const [what, pattern] of [
    ['gate', /\.lock\.gate\.[^/]+\.new$/],
    ['lock', /\.lock\.\d+-[^/]+\.new$/],
  ] as const) {
    it(`a disk full while taking the ${what} leaves no file behind and config.json as it was`, () => {
      const dir = tempDir();
      ConfigStore.open(dir).setValues('prod', { appid: 'wx1234567890abcdef' });
      const store = ConfigStore.open(dir);
      const before = fs.readFileSync(store.path, 'utf8');
      const write = fs.writeFileSync;
      // As the kernel does it on a full disk: the O_EXCL create succeeds, the write fails.
      const spy = vi.spyOn(fs, 'writeFileSync').mockImplementation((file, data, options) => {
        if (typeof file === 'string' && pattern.test(file)) {
          fs.closeSync(fs.openSync(file, 'wx', 0o600));
          throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC' });
        }
        write(file, data, options);
      });
      let thrown: unknown;
      try {
        store.setValues('prod', { domain: 'www.example.com' });
      } catch (error) {
        thrown = error;
      } finally {
        spy.mockRestore();
      }
      expect(thrown).toMatchObject({ exitCode: 4, messageRef: { key: 'config.file.lockFailed', params: { file: store.path } } });
      expect(fs.readdirSync(dir)).toEqual(['config.json']);
      expect(fs.readFileSync(store.path, 'utf8')).toBe(before);
      store.setValues('prod', { domain: 'www.example.com' });
      expect(ConfigStore.open(dir).getProfile('prod')).toEqual({ appid: 'wx1234567890abcdef', domain: 'www.example.com' });
      expect(fs.readdirSync(dir)).toEqual(['config.json']);
    });
  }

  it("taking the lock sweeps the gate and lock files earlier writers abandoned, never a live writer's fresh one", () => {
    const dir = tempDir();
    const at = (name: string) => path.join(dir, name);
    const dead = deadPid();
    const planted = {
      // a writer that is gone, its file older than 10 s: abandoned
      deadGate: `config.json.lock.gate.${dead}-mx93xiv7-2-wilmzhjq.new`,
      deadLock: `tokens.json.lock.${dead}-mx93xiv7-3-abcdefgh.new`,
      deadAside: `config.json.lock.gate.${dead}-mx93xiv7-4-abcdefgh.stale`,
      // a live process (this one), its file a minute old: it may be suspended in the middle of using it
      liveGate: `config.json.lock.gate.${process.pid}-mx93xiv7-5-abcdefgh.new`,
      // a live pid's file over five minutes old: nothing lives that long (the pid was reused)
      oldGate: `config.json.lock.gate.${process.pid}-mx93xiv7-6-abcdefgh.new`,
      // a gone writer's file just made: maybe another host's live writer, whose pid means nothing here
      freshGate: `config.json.lock.gate.${dead}-mx93xiv7-7-abcdefgh.new`,
      // not a lock's: the user's own file
      other: `config.json.backup.${dead}-1.new`,
    };
    for (const name of Object.values(planted)) plantStaleLock(at(name), '', 60_000);
    plantStaleLock(at(planted.oldGate), '', 6 * 60_000);
    plantStaleLock(at(planted.freshGate), '', 1_000);
    ConfigStore.open(dir).setValues('prod', { appid: 'wx1234567890abcdef' });
    // config.json's lock sweeps its own files; tokens.json's are swept when tokens.json is next saved.
    expect(fs.readdirSync(dir).sort()).toEqual(['config.json', planted.deadLock, planted.freshGate, planted.liveGate, planted.other].sort());
    new JsonFile(dir, 'tokens').update(() => undefined);
    expect(fs.existsSync(at(planted.deadLock))).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('a config.json that is a symlink stays one: the write lands in its target', () => {
    const dir = tempDir();
    const dotfiles = tempDir();
    const target = path.join(dotfiles, 'wxauth-config.json');
    fs.writeFileSync(target, '{}', { mode: 0o600 });
    fs.symlinkSync(target, path.join(dir, 'config.json'));
    ConfigStore.open(dir).setValues('prod', { appid: 'wx1234567890abcdef' });
    expect(fs.lstatSync(path.join(dir, 'config.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(target, 'utf8'))).toMatchObject({ profiles: { prod: { appid: 'wx1234567890abcdef' } } });
    expect(fs.readdirSync(dotfiles).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  // Every waiter on a killed writer's gate judges it stale at once. The later ones used to move aside
  // whatever gate was there by then, and put back the one made meanwhile; a third waiter making its own
  // in that moment left two processes holding the gate, and one acknowledged write was lost (CI, once).
  for (const what of ['gate', 'lock'] as const) {
    it(`of the waiters that judged a dead writer's ${what} stale, a later one never moves the ${what} made since`, () => {
      const file = path.join(tempDir(), what === 'gate' ? 'config.json.lock.gate' : 'config.json.lock');
      const host = os.hostname();
      fs.writeFileSync(file, JSON.stringify({ pid: deadPid(), host, token: 'crashed' }), { mode: 0o600 });
      const judged = inspectLock(file);
      expect(judged?.owner?.pid).toBeGreaterThan(0);
      // The first waiter takes it over and makes its own.
      expect(takeOver(file, judged!)).toBe(true);
      const mine = JSON.stringify({ pid: process.pid, host, token: 'first-waiter' });
      fs.writeFileSync(file, mine, { flag: 'wx', mode: 0o600 });
      // A later waiter acts on the same judgement, while a third one makes its own whenever the place is free.
      const rename = fs.renameSync;
      const spy = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
        rename(from, to);
        if (from === file) fs.writeFileSync(file, JSON.stringify({ pid: process.pid, host, token: 'third-waiter' }), { flag: 'wx' });
      });
      try {
        takeOver(file, judged!);
      } finally {
        spy.mockRestore();
      }
      expect(fs.readFileSync(file, 'utf8')).toBe(mine);
    });
  }

  // A waiter killed between claiming a dead writer's lock and moving it leaves its claim behind. A
  // claim is never removed while its lock is there (a waiter removing one it judged abandoned could
  // remove a fresh one made in its place): it is superseded by the next generation, claim.<id>.1, ….
  describe('a claim on a dead writer\'s lock', () => {
    const setUp = () => {
      const lock = path.join(tempDir(), 'config.json.lock');
      fs.writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: os.hostname(), token: 'crashed' }), { mode: 0o600 });
      return { lock, judged: inspectLock(lock)!, claim: `${lock}.claim.crashed` };
    };

    it('of a live waiter: another waits and moves nothing', () => {
      const { lock, judged, claim } = setUp();
      const live = JSON.stringify({ pid: process.pid, host: os.hostname(), token: 'other-waiter' });
      fs.writeFileSync(claim, live);
      expect(takeOver(lock, judged)).toBe(false);
      expect(fs.readFileSync(lock, 'utf8')).toBe(judged.text);
      expect(fs.readFileSync(claim, 'utf8')).toBe(live);
    });

    it('of a waiter killed holding it: taken at once, and every claim on that lock goes with it', () => {
      const { lock, judged, claim } = setUp();
      fs.writeFileSync(claim, JSON.stringify({ pid: deadPid(), host: os.hostname(), token: 'killed-waiter' }));
      expect(takeOver(lock, judged)).toBe(true);
      expect(fs.readdirSync(path.dirname(lock))).toEqual([]);
    });

    it('is swept once the lock it names has gone, and never while that lock is there', () => {
      const { lock, claim } = setUp();
      const dir = path.dirname(lock);
      // A live waiter's claim on the dead writer's lock, which is still there; and the claim of a waiter
      // killed while taking over a gate long gone.
      fs.writeFileSync(claim, JSON.stringify({ pid: process.pid, host: os.hostname(), token: 'other-waiter' }));
      plantStaleLock(`${lock}.gate.claim.gone-gate`, '', 1_000);
      const file = new JsonFile(dir, 'config', { narrow: (data) => data, wrongShapeHint: 'config.file.wrongShape.hint', lockWaitMs: 300 });
      // The waiter holding the claim is at work: this writer waits for it (here 0.3 s), then says so.
      expect(() => file.update(() => undefined)).toThrow(expect.objectContaining({ messageRef: expect.objectContaining({ key: 'config.file.locked' }) }));
      expect(fs.existsSync(claim)).toBe(true);
      expect(fs.existsSync(`${lock}.gate.claim.gone-gate`)).toBe(false);
    });

    it('of unknown owner: waited on for 10 s, then superseded (never removed) by the next generation', () => {
      const { lock, judged, claim } = setUp();
      plantStaleLock(claim, '', 2_000);
      expect(takeOver(lock, judged)).toBe(false);
      plantStaleLock(claim, '', 11_000);
      // Meanwhile another waiter has superseded it and is at work: its claim, the next generation, stands.
      const next = JSON.stringify({ pid: process.pid, host: os.hostname(), token: 'next-waiter' });
      fs.writeFileSync(`${claim}.1`, next);
      expect(takeOver(lock, judged)).toBe(false);
      expect(fs.existsSync(claim)).toBe(true);
      expect(fs.readFileSync(`${claim}.1`, 'utf8')).toBe(next);
      // That waiter was killed too: the one after takes over, and no claim is left.
      fs.writeFileSync(`${claim}.1`, JSON.stringify({ pid: deadPid(), host: os.hostname(), token: 'next-waiter' }));
      expect(takeOver(lock, judged)).toBe(true);
      expect(fs.readdirSync(path.dirname(lock))).toEqual([]);
    });
  });

  it('removes only its own lock: one another process took over meanwhile stays', () => {
    const file = path.join(tempDir(), 'config.json');
    const lock = `${file}.lock`;
    const foreign = JSON.stringify({ pid: process.pid, host: os.hostname(), token: 'someone-else' });
    // Stands for another process judging this one stuck and taking its lock over.
    withFileLock(file, () => fs.writeFileSync(lock, foreign));
    expect(fs.readFileSync(lock, 'utf8')).toBe(foreign);
  });

  it('redoes its read-modify-write when its lock was taken over before it wrote, keeping the other write', () => {
    const dir = tempDir();
    const file = new JsonFile<{ profiles?: Record<string, unknown> }>(dir, 'config');
    let runs = 0;
    file.update((data) => {
      runs++;
      if (runs === 1) {
        // Meanwhile another process took the lock over, saved its profile, and died holding it.
        fs.writeFileSync(`${file.path}.lock`, JSON.stringify({ pid: deadPid(), host: os.hostname(), token: 'other' }));
        fs.writeFileSync(file.path, JSON.stringify({ profiles: { other: { appid: 'wxaaaaaaaaaaaaaaaa' } } }));
      }
      data.profiles = { ...data.profiles, mine: { appid: 'wx1234567890abcdef' } };
    });
    expect(runs).toBe(2);
    expect(Object.keys(file.read().profiles ?? {}).sort()).toEqual(['mine', 'other']);
  });
});
