import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { FieldProblemText, hasProblem } from './field-problem';

/** As many as the core keeps (shared/contract/playground.ts). */
const maxMessages = 20;

const roleNames = { user: 'User', assistant: 'Assistant' } as const;

/** The turns sent between the system part and the user part (example exchanges), each movable and removable. */
export function PromptMessages() {
  const state = useAppStore(
    useShallow((s) => ({
      messages: s.playground.messages,
      problems: s.playground.problems,
      add: s.addPlaygroundMessage,
      set: s.setPlaygroundMessage,
      remove: s.removePlaygroundMessage,
      move: s.movePlaygroundMessage,
    })),
  );
  const { messages, problems } = state;
  const isFull = messages.length >= maxMessages;
  return (
    <section aria-labelledby="playground-messages-title" className="playground-messages">
      <h3 id="playground-messages-title">Messages before the user part</h3>
      {messages.length ? (
        <ol aria-labelledby="playground-messages-title">
          {messages.map((message, index) => {
            const label = `Message ${index + 1}`;
            const field = `messages.${index}`;
            return (
              <li key={index} className="playground-message">
                <div className="playground-message-bar">
                  <label className="field">
                    <span>Role of message {index + 1}</span>
                    <select
                      value={message.role}
                      onChange={(event) =>
                        state.set(index, { role: event.target.value === 'assistant' ? 'assistant' : 'user' })
                      }
                    >
                      <option value="user">{roleNames.user}</option>
                      <option value="assistant">{roleNames.assistant}</option>
                    </select>
                  </label>
                  <button type="button" className="small" disabled={index === 0} onClick={() => state.move(index, -1)}>
                    Move message {index + 1} up
                  </button>
                  <button
                    type="button"
                    className="small"
                    disabled={index === messages.length - 1}
                    onClick={() => state.move(index, 1)}
                  >
                    Move message {index + 1} down
                  </button>
                  <button type="button" className="small" onClick={() => state.remove(index)}>
                    Remove message {index + 1}
                  </button>
                </div>
                <label className="field">
                  <span>
                    {label} ({roleNames[message.role]})
                  </span>
                  <textarea
                    rows={2}
                    value={message.content}
                    aria-invalid={hasProblem(problems, field) || undefined}
                    aria-describedby={`playground-message-${index}-problem`}
                    onChange={(event) => state.set(index, { content: event.target.value })}
                  />
                  <FieldProblemText problems={problems} field={field} id={`playground-message-${index}-problem`} />
                </label>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="hint">None: the user part is sent alone. Add turns to show the model an example exchange.</p>
      )}
      <div className="actions">
        <button type="button" disabled={isFull} onClick={() => state.add('user')}>
          Add user message
        </button>
        <button type="button" disabled={isFull} onClick={() => state.add('assistant')}>
          Add assistant message
        </button>
        {isFull && <span className="hint">At most {maxMessages} messages before the user part.</span>}
      </div>
    </section>
  );
}
