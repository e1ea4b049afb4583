import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from './permissions';

describe('window permissions', () => {
  it('lets a page copy text and nothing else', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
    for (const permission of ['clipboard-read', 'notifications', 'media', 'geolocation', 'openExternal', 'hid']) {
      expect(isPermissionAllowed(permission)).toBe(false);
    }
  });
});
