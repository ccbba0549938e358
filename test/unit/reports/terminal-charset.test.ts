import { decideUnicode } from '../../../src/reports/terminal-charset.js';

describe('decideUnicode', () => {
  test.each([
    [{ LANG: 'en_US.UTF-8' }, true],
    [{ LANG: 'C.utf8' }, true],
    [{ LANG: 'C' }, false],
    [{}, false],
    // POSIX precedence: LC_ALL, then LC_CTYPE, then LANG.
    [{ LC_ALL: 'C', LANG: 'en_US.UTF-8' }, false],
    [{ LC_CTYPE: 'de_DE.UTF-8', LANG: 'C' }, true],
    [{ LC_ALL: '', LANG: 'en_US.UTF-8' }, true],
  ])('locale %p -> %p', (env, expected) => {
    expect(decideUnicode(env)).toBe(expected);
  });

  test('TERM=dumb and VERIFY_DEPLOY_ASCII force ASCII whatever the locale', () => {
    expect(decideUnicode({ LANG: 'en_US.UTF-8', TERM: 'dumb' })).toBe(false);
    expect(decideUnicode({ LANG: 'en_US.UTF-8', VERIFY_DEPLOY_ASCII: '1' })).toBe(false);
    expect(decideUnicode({ LANG: 'en_US.UTF-8', VERIFY_DEPLOY_ASCII: '0' })).toBe(true);
    expect(decideUnicode({ LANG: 'en_US.UTF-8', VERIFY_DEPLOY_ASCII: '' })).toBe(true);
  });

  test('Windows without a locale: Unicode in Windows Terminal and VS Code, ASCII in the legacy console', () => {
    expect(decideUnicode({ WT_SESSION: 'abc' }, 'win32')).toBe(true);
    expect(decideUnicode({ TERM_PROGRAM: 'vscode' }, 'win32')).toBe(true);
    expect(decideUnicode({}, 'win32')).toBe(false);
    expect(decideUnicode({ WT_SESSION: 'abc' }, 'linux')).toBe(false);
  });
});
