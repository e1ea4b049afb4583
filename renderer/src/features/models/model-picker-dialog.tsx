import * as Dialog from '@radix-ui/react-dialog';
import { Command } from 'cmdk';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { modelGroups } from './model-entries';
import { readFavourites, readRecents, rememberRecent, toggleFavourite } from './model-memory';

/**
 * The one way to pick a model (Ctrl/Cmd+K): fuzzy search over routes and every endpoint's models (its
 * settings' and its fetched list's), grouped by endpoint, favourites and recents first, with price and
 * context window where known. Any other
 * `endpoint-id/model` can be typed and used as it is.
 */
export function ModelPickerDialog() {
  const { target, close, setChatModel, setCompareModel, addPlaygroundModel } = useAppStore(
    useShallow((state) => ({
      target: state.modelPickerFor,
      close: state.closeModelPicker,
      setChatModel: state.setChatModel,
      setCompareModel: state.setCompareModel,
      addPlaygroundModel: state.addPlaygroundModel,
    })),
  );
  const pick = (modelId: string) => {
    rememberRecent(modelId);
    if (target?.kind === 'chat') setChatModel(modelId);
    if (target?.kind === 'compare') setCompareModel(target.index, modelId);
    if (target?.kind === 'playground') addPlaygroundModel(modelId);
    if (target?.kind === 'field') target.onPick(modelId);
    close();
  };
  const title =
    target?.kind === 'field'
      ? target.title
      : target?.kind === 'compare'
        ? `Pick model ${target.index + 1}`
        : target?.kind === 'playground'
          ? 'Add a model to the Playground'
          : 'Pick a model';
  return (
    <Dialog.Root open={target !== null} onOpenChange={(isOpen) => !isOpen && close()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog model-picker" aria-describedby="model-picker-hint">
          <Dialog.Title className="dialog-title">{title}</Dialog.Title>
          {target && <ModelCommand onPick={pick} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ModelCommand({ onPick }: { onPick(modelId: string): void }) {
  const { models, catalog, routes } = useAppStore(
    useShallow((state) => ({ models: state.models, catalog: state.catalog, routes: state.routes })),
  );
  const [search, setSearch] = useState('');
  const [highlighted, setHighlighted] = useState('');
  const [favourites, setFavourites] = useState(readFavourites);
  const recents = useMemo(readRecents, []);
  const groups = useMemo(
    () => modelGroups({ models, catalog, routes, recents, favourites }),
    [models, catalog, routes, recents, favourites],
  );
  const typed = search.trim();
  const star = (modelId: string) => setFavourites(toggleFavourite(modelId));
  const onKeyDown = (event: KeyboardEvent) => {
    // Ctrl/Cmd+D stars the highlighted model, as a bookmark.
    if (event.key.toLowerCase() === 'd' && (event.ctrlKey || event.metaKey) && highlighted) {
      event.preventDefault();
      star(highlighted.slice(highlighted.indexOf(':') + 1));
    }
  };
  return (
    <Command label="Models" loop value={highlighted} onValueChange={setHighlighted} onKeyDown={onKeyDown}>
      <Command.Input
        className="model-search"
        placeholder="Search models, or type endpoint-id/model"
        value={search}
        onValueChange={setSearch}
      />
      <p id="model-picker-hint" className="hint">
        ↑↓ to move · Enter to pick · Ctrl+D to star · Esc to close
      </p>
      <Command.List className="model-list" label="Models">
        <Command.Empty>No listed model matches.</Command.Empty>
        {groups
          // While searching, each model shows once, under its endpoint.
          .filter((group) => !typed || (group.heading !== 'Favourites' && group.heading !== 'Recent'))
          .map((group) => (
            <Command.Group key={group.heading} heading={group.heading}>
              {group.entries.map((entry) => {
                const isFavourite = favourites.includes(entry.id);
                return (
                  <Command.Item
                    key={entry.id}
                    value={`${group.heading}:${entry.id}`}
                    keywords={[entry.id]}
                    onSelect={() => onPick(entry.id)}
                    className="model-item"
                    aria-label={[entry.id, entry.detail, isFavourite && 'starred'].filter(Boolean).join(', ')}
                  >
                    <span className="model-id">{entry.id}</span>
                    {entry.detail && <span className="model-detail">{entry.detail}</span>}
                    {/* Not a button inside the option (assistive tech would reach it apart from the list): */}
                    {/* a pointer clicks the star, the keyboard uses Ctrl/Cmd+D, and the option's name says it. */}
                    <span
                      className={isFavourite ? 'model-star model-star-on' : 'model-star'}
                      title={isFavourite ? 'Unstar (Ctrl+D)' : 'Star (Ctrl+D)'}
                      aria-hidden="true"
                      onPointerDown={(event) => event.preventDefault()}
                      onClick={(event) => {
                        event.stopPropagation();
                        star(entry.id);
                      }}
                    >
                      {isFavourite ? '★' : '☆'}
                    </span>
                  </Command.Item>
                );
              })}
            </Command.Group>
          ))}
        {typed && (
          <Command.Group heading="Typed" forceMount>
            <Command.Item value={`use:${typed}`} forceMount onSelect={() => onPick(typed)} className="model-item">
              Use “{typed}”
            </Command.Item>
          </Command.Group>
        )}
      </Command.List>
    </Command>
  );
}
