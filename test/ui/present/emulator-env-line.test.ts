// The export line `wxauth emulator` prints, in the shell of the machine it runs on.
import { describe, expect, it } from 'vitest';
import { shellEnvLine } from '../../../src/ui/present/emulator.js';
import { exportLine } from '../../../src/emulator/ui-api.js';

const line = exportLine('http://127.0.0.1:3900', { type: 'test', verified: true, appid: 'wx5e1ec0de00000002', secret: '5e1ec0de5e1ec0de5e1ec0de00000002', domain: ['127.0.0.1:*', 'localhost:*'] });

describe('shellEnvLine', () => {
  it('keeps the export line on Linux and macOS', () => {
    expect(shellEnvLine(line, 'linux')).toBe(line);
    expect(shellEnvLine(line, 'darwin')).toBe(line);
  });

  it('gives PowerShell $env: assignments on Windows, every variable with its value', () => {
    expect(shellEnvLine(line, 'win32')).toBe(
      '$env:WXAUTH_API_BASE="http://127.0.0.1:3900"; $env:WXAUTH_OPEN_BASE="http://127.0.0.1:3900"; $env:WXAUTH_TYPE="test"; $env:WXAUTH_APPID="wx5e1ec0de00000002"; $env:WXAUTH_SECRET="5e1ec0de5e1ec0de5e1ec0de00000002"; $env:WXAUTH_DOMAIN="127.0.0.1:8080"; $env:WXAUTH_REDIRECT_URI="http://127.0.0.1:8080/callback"',
    );
  });
});
