import { isString, isStringList, readSetting, writeSetting } from '../../ui/local-setting';

const keys = {
  chosen: 'switchboard.chat-model',
  recents: 'switchboard.recent-models',
  favourites: 'switchboard.favourite-models',
} as const;

/** How many recently chosen models the picker lists first. */
export const maxRecents = 5;

/** The chat's model, kept across reloads. */
export const readChosenModel = () => readSetting(keys.chosen, '', isString);
export const writeChosenModel = (modelId: string) => writeSetting(keys.chosen, modelId);

export const readRecents = () => readSetting(keys.recents, [], isStringList);
export const readFavourites = () => readSetting(keys.favourites, [], isStringList);

/** Puts a model first among the recents (once), keeping the newest few. */
export function addRecent(recents: string[], modelId: string): string[] {
  return [modelId, ...recents.filter((id) => id !== modelId)].slice(0, maxRecents);
}

export function rememberRecent(modelId: string): string[] {
  const recents = addRecent(readRecents(), modelId);
  writeSetting(keys.recents, recents);
  return recents;
}

export function toggleFavourite(modelId: string): string[] {
  const favourites = readFavourites();
  const next = favourites.includes(modelId) ? favourites.filter((id) => id !== modelId) : [...favourites, modelId];
  writeSetting(keys.favourites, next);
  return next;
}
