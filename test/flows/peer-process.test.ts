// How the proxy names a caller's process (flows/proxy/peer-process.ts): the program and its script,
// never another argument, which may be a secret, a URL or a value (README: "program and script only").
import { describe, expect, it } from 'vitest';
import { describeCommand } from '../../src/flows/proxy/peer-process.js';

describe('describeCommand', () => {
  it.each([
    [['/usr/bin/node', 'server.mjs'], 'node server.mjs'],
    [['node', '--enable-source-maps', '/srv/app/dist/main.js', '--port', '3000'], 'node main.js'],
    [['python3', 'manage.py', 'runserver'], 'python3 manage.py'],
    [['java', '-jar', 'target/app.jar'], 'java app.jar'],
    [['node', './bin/www'], 'node www'],
    // Not a script: a value (curl -A), a URL, inline code, a secret.
    [['curl', '-A', 'server-b', 'http://127.0.0.1:3901/sns/auth'], 'curl'],
    [['node', '-e', 'fetch(`http://x`)'], 'node'],
    [['php', '--secret=abc', 'artisan'], 'php'],
    [['gunicorn', 'app:app'], 'gunicorn'],
    // An option's value with a slash in it: a file (curl -o), or a secret in base64, of which a part would show.
    [['curl', '-s', '-o', '/dev/null', 'http://127.0.0.1:3901/cgi-bin/token'], 'curl'],
    [['./bin/app', '--token', 'kR9x/Qm2ZtW8vLp4'], 'app'],
    [['node', '--inspect', 'server.js'], 'node server.js'],
  ])('%j → %s', (argv, expected) => {
    expect(describeCommand(argv)).toBe(expected);
  });
});
