import type { PathMessage } from '../../../shared/contract';
import type { ChatMessage, ImagePart } from '../../../shared/types/chat';

/** An answer that can go back to the model: it has text and did not fail. */
const isAnswered = (message: PathMessage | undefined) =>
  message?.role === 'assistant' && message.content.length > 0 && message.status !== 'error';

/** A text file as the model reads it: its name, then its text in a fence longer than any run of backticks in it. */
export function fencedFile(name: string, text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const extension = /\.([A-Za-z0-9_+-]{1,16})$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return `File ${name}:\n${fence}${extension}\n${text}${text.endsWith('\n') ? '' : '\n'}${fence}`;
}

function toChatMessage(message: PathMessage): ChatMessage {
  const files = message.attachments.flatMap((file) => (file.kind === 'text' ? [fencedFile(file.name, file.text)] : []));
  const images: ImagePart[] = message.attachments.flatMap((file) =>
    file.kind === 'image' ? [{ kind: 'image' as const, mediaType: file.mediaType, dataBase64: file.dataBase64 }] : [],
  );
  const content = [message.content, ...files].filter((part) => part.length > 0).join('\n\n');
  return { role: message.role, content, ...(images.length > 0 ? { attachments: images } : {}) };
}

/**
 * What the model gets for the branch ending with the question being asked: the system prompt, then every
 * turn that was answered. A failed turn (its answer an error, or no answer kept, as histories from before
 * failed answers were kept have) is left out with its question, so failed prompts never pile up into the
 * next one; retrying it gives it an answer, and from then on it counts.
 */
export function contextMessages(path: PathMessage[], system: string | undefined): ChatMessage[] {
  const systemMessages: ChatMessage[] = [
    ...(system?.trim() ? [{ role: 'system' as const, content: system }] : []),
    // Instructions kept as messages by earlier releases (a Compare run's system prompt).
    ...path.filter((message) => message.role === 'system').map(toChatMessage),
  ];
  const turns = path.filter((message) => message.role !== 'system');
  const kept = turns.filter((message, index) => {
    if (message.role === 'assistant') return isAnswered(message);
    return index === turns.length - 1 || isAnswered(turns[index + 1]);
  });
  return [...systemMessages, ...kept.map(toChatMessage)];
}
