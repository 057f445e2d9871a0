/** A JSON pointer for a one-line report: the empty pointer (the whole document) reads "(root)". */
export function formatPointer(pointer: string): string {
  return pointer === '' ? '(root)' : pointer;
}
