import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './paths';

describe('resolveDataDir', () => {
  it('prefers SWITCHBOARD_HOME', () => {
    expect(resolveDataDir({ SWITCHBOARD_HOME: '/data/sb' }, 'linux', '/home/ada')).toBe('/data/sb');
  });
  it("matches Electron's userData folder on each platform", () => {
    expect(resolveDataDir({}, 'linux', '/home/ada')).toBe('/home/ada/.config/Switchboard');
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ada')).toBe('/xdg/Switchboard');
    expect(resolveDataDir({}, 'darwin', '/Users/ada')).toBe('/Users/ada/Library/Application Support/Switchboard');
    expect(resolveDataDir({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada')).toMatch(
      /Roaming[\\/]Switchboard$/,
    );
  });
});
