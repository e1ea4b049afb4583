import { useState } from 'react';
import { copyText } from './copy-text';

/** Copies text to the clipboard; its own name says how it went ("Copied", "Copy failed"). */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [result, setResult] = useState<'Copied' | 'Copy failed' | null>(null);
  const copy = async () => setResult((await copyText(text)) ? 'Copied' : 'Copy failed');
  return (
    <button type="button" className="copy-button" onClick={() => void copy()} onBlur={() => setResult(null)}>
      {result ?? label}
    </button>
  );
}
