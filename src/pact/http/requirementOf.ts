/** The requirement ID an interaction's description starts with ("SIG-8 an event …" → "SIG-8"), or "". */
export function requirementOf(description: string): string {
  return /^([A-Z]+-\d+)\s/.exec(description)?.[1] ?? '';
}
