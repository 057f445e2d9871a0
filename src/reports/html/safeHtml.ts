import { escapeHtml } from '../../text/escapeHtml';

/** Markup known to be safe: built by {@link html}, where every interpolated string was escaped. */
export class SafeHtml {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

/** What {@link html} accepts between `${}`: text (escaped), numbers, markup, lists; nothing for empty values. */
export type HtmlValue = string | number | SafeHtml | readonly HtmlValue[] | undefined | null | false;

/**
 * A tagged template that escapes every interpolated string and number, so that report data (bodies
 * that contain `<script>` on purpose, labels, notes) can only ever become text. Only values that
 * are already {@link SafeHtml} are inserted as markup.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(markup);
}

function render(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (typeof value === 'number') return escapeHtml(String(value));
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(render).join('');
}
