import { expect, type Page } from '@playwright/test';
import { pickModel, SwitchboardPage } from './pages';

/** An endpoint on the fake provider with a key, as the chat specs start from. */
export async function addFakeEndpoint(page: Page, fakeUrl: string, models = 'fast-model, slow-model') {
  const ui = new SwitchboardPage(page);
  await ui.addEndpoint('fake', 'openai-compatible', `${fakeUrl}/v1`, models);
  await ui.setKey('fake', 'sk-chat-test-4242');
  return ui;
}

/** Sends a message in Chat with the model picked through the picker. */
export async function sendInChat(page: Page, model: string | null, message: string) {
  await new SwitchboardPage(page).open('Chat');
  if (model) await pickModel(page, model);
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(message);
  await box.press('Enter');
  await expect(box).toHaveValue('');
}
