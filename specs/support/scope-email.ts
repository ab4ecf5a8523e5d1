// The contact email of a ticket a spec creates for a scope of its own: the scope's word (so a
// search finds it) and the run's stamp `+<runId>-` in the local part, the mark cleanup needs
// before it deletes the contact and with it the ticket (created-registry.ts).
export function scopeEmail(word: string, index: number, runId: string): string {
  return `${word}-${index}+${runId}-scope@example.test`;
}
