import * as Dialog from '@radix-ui/react-dialog';
import { shortcutLabel, shortcuts } from './shortcuts';

/** Every shortcut in one sheet (`?`). */
export function ShortcutsSheet(props: { isOpen: boolean; onOpenChange(isOpen: boolean): void }) {
  return (
    <Dialog.Root open={props.isOpen} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog shortcuts-sheet" aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">Keyboard shortcuts</Dialog.Title>
          <table className="shortcuts-table" aria-label="Keyboard shortcuts">
            <tbody>
              {shortcuts.map((shortcut) => (
                <tr key={shortcut.keys}>
                  <th scope="row">
                    <kbd>{shortcutLabel(shortcut.keys)}</kbd>
                  </th>
                  <td>{shortcut.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Dialog.Close asChild>
            <button type="button" className="dialog-close">
              Close
            </button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
