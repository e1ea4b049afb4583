/** Every keyboard shortcut, as the shortcuts sheet lists them. `Mod` is Ctrl, or ⌘ on a Mac. */
export const shortcuts: { keys: string; action: string }[] = [
  { keys: 'Mod+K', action: 'Pick a model (in the Playground: add one)' },
  { keys: 'Mod+N', action: 'New chat' },
  { keys: '/', action: 'Write a message (focus the composer)' },
  { keys: 'Enter', action: 'Send the message' },
  { keys: 'Shift+Enter', action: 'New line in the message' },
  { keys: 'Esc', action: 'Stop the answer being written' },
  { keys: 'Mod+1', action: 'Go to Chat' },
  { keys: 'Mod+2', action: 'Go to Compare' },
  { keys: 'Mod+3', action: 'Go to Usage' },
  { keys: 'Mod+4', action: 'Go to Settings' },
  { keys: 'Mod+5', action: 'Go to Playground' },
  { keys: 'Mod+Enter', action: 'Compare (in the Compare prompt)' },
  { keys: 'Mod+D', action: 'Star or unstar the highlighted model (in the picker)' },
  { keys: '?', action: 'Show these shortcuts' },
];

export const isMac = () => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

/** `Mod+K` as this machine writes it: `Ctrl+K`, or `⌘K` on a Mac. */
export function shortcutLabel(keys: string, mac = isMac()): string {
  return keys.replace('Mod+', mac ? '⌘' : 'Ctrl+');
}
