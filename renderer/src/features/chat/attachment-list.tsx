import type { AttachmentInput } from '../../../../shared/contract';

/** Files attached to a question: images as thumbnails, text files by name; each removable while composing. */
export function AttachmentList(props: { attachments: AttachmentInput[]; onRemove?: (index: number) => void }) {
  if (props.attachments.length === 0) return null;
  return (
    <ul className="attachments" aria-label="Attached files">
      {props.attachments.map((attachment, index) => (
        <li key={`${attachment.name}-${index}`} className={`attachment attachment-${attachment.kind}`}>
          {attachment.kind === 'image' ? (
            // Named by its alt text alone: a caption repeating it would be read twice.
            <img
              src={`data:${attachment.mediaType};base64,${attachment.dataBase64}`}
              alt={attachment.name}
              title={attachment.name}
            />
          ) : (
            <>
              <span className="attachment-kind" aria-hidden="true">
                text
              </span>
              <span className="attachment-name">{attachment.name}</span>
            </>
          )}
          {props.onRemove && (
            <button type="button" aria-label={`Remove ${attachment.name}`} onClick={() => props.onRemove!(index)}>
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
