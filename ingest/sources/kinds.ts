// The kinds of document a reader reads, derived from the one list of document kinds: the Document
// label's `kind` property in the domain model (schema/labels/document.yaml). The CLI's --kind
// choices, the sources file's `kind` and the GraphQL ingest input all take theirs from here.
import { DOCUMENT_KINDS, type DocumentKindName } from '../../schema/records.js';

/** Kinds no source reads from a document's bytes: fact records come from `import`, seeds from seeds/. */
const NOT_READ = ['record', 'seed'] as const satisfies readonly DocumentKindName[];

/** A kind of document that a source reads. */
export type ReadKind = Exclude<DocumentKindName, (typeof NOT_READ)[number]>;

/** How to read a document: as one kind, or `auto` (by URL, extension and content). */
export type DocumentKind = ReadKind | 'auto';

/** The kinds of document a source reads, in the domain model's order. */
export const READ_KINDS: readonly ReadKind[] = DOCUMENT_KINDS.filter((k): k is ReadKind => !(NOT_READ as readonly string[]).includes(k));

/** Every way a document may be read: each read kind, then `auto`. */
export const KIND_CHOICES: readonly DocumentKind[] = [...READ_KINDS, 'auto'];
