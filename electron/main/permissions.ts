/**
 * The only permission a page of ours gets: writing text to the clipboard (Copy buttons, on a
 * click). Camera, notifications, geolocation and the rest are refused.
 */
export function isPermissionAllowed(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}
