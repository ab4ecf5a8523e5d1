// Annotation types the specs set and the summary reporter reads.

/** A test that exercises one operation's success (operations.spec.ts): the coverage rule applies to it. */
export const OPERATION_ANNOTATION = 'there-there-operation';
/** An operation skipped with a reason (read-only mode, something the suite may not change). */
export const SKIPPED_OPERATION_ANNOTATION = 'there-there-skipped-operation';
