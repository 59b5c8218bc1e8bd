// Dropping a file on the page, as a person drags one from their desktop.
import { Page } from '@playwright/test';

// Drops a file of `content` (text or bytes) on the page, with the `dragover` a real drag
// sends first; `generate` builds big inputs inside the page instead of sending them.
export async function drop(page: Page, name: string, content: string | number[] | null, generate?: string) {
  await page.evaluate(
    ({ name, content, generate }) => {
      let data: BlobPart;
      if (generate === 'fifty-megabytes') data = new Uint8Array(50 * 1024 * 1024).fill(97);
      else if (generate === 'nesting-10000') data = '['.repeat(10000) + ']'.repeat(10000);
      else if (generate === 'paragraph-5mb') {
        const s = 'the delegates went over the agenda at length and without a break ';
        data = 'date 2024-03-18 (TEST) ' + s.repeat(Math.ceil((5 * 1024 * 1024) / s.length));
      } else data = typeof content === 'string' ? content : new Uint8Array(content!);
      const dt = new DataTransfer();
      dt.items.add(new File([data], name));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, content, generate },
  );
}
