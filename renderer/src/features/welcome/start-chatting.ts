import type { AddedEndpoint } from '../../../../shared/contract';
import { shortcutLabel } from '../../app/shortcuts';
import { useAppStore } from '../../store/app-store';
import { startingModel, type Preset } from './presets';

/** Once a first endpoint is in: Chat with a model of its list chosen, and a word on how to pick another. */
export function startChatting(preset: Pick<Preset, 'label' | 'suggested'>, added: AddedEndpoint): void {
  const { endpointId, models } = added.models;
  const model = startingModel(
    preset,
    models.map((entry) => entry.model),
  );
  const state = useAppStore.getState();
  state.setScreen('chat');
  if (!model) {
    state.setNotice({
      kind: 'info',
      message: `Added ${preset.label}, which lists no models yet. Add one there (for Ollama: ollama pull llama3.2), then refresh its models in Settings.`,
    });
    return;
  }
  state.setChatModel(`${endpointId}/${model}`);
  state.setNotice({
    kind: 'info',
    message: `Added ${preset.label} with ${models.length} ${models.length === 1 ? 'model' : 'models'}. Chatting with ${endpointId}/${model}; ${shortcutLabel('Mod+K')} picks another.`,
  });
}
