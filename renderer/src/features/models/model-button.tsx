import type { ModelPickerTarget } from '../../store/types';
import { useAppStore } from '../../store/app-store';

/** Shows the chosen model and opens the picker to change it. */
export function ModelButton(props: { label: string; value: string; target: ModelPickerTarget; shortcut?: string }) {
  const openModelPicker = useAppStore((state) => state.openModelPicker);
  return (
    <button
      type="button"
      className="model-button"
      aria-haspopup="dialog"
      aria-keyshortcuts={props.shortcut}
      onClick={() => openModelPicker(props.target)}
    >
      <span className="model-button-label">{props.label}</span>
      <span className={props.value ? 'model-button-value' : 'model-button-value model-button-empty'}>
        {props.value || 'Pick a model'}
      </span>
    </button>
  );
}
