/**
 * A message box's keydown handler: Enter sends, Shift+Enter starts a new line, and Enter that
 * confirms an input method's composition (Japanese, Chinese…) does neither.
 */
export function enterSends(send: () => unknown): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void send();
    }
  };
}
