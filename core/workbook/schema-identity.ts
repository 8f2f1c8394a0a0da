// Marks a file as a Credit Workbench workbook. SQLite's application_id header field tells our files from any other
// SQLite database; user_version counts the migrations applied. Neither value may ever change meaning.

/** "CWBK" in ASCII, stored by migration 1 in the header's application_id field. */
export const WORKBOOK_APPLICATION_ID = 0x4357424b;

/** Every SQLite file starts with these 16 bytes ("SQLite format 3" and a NUL). */
export const SQLITE_HEADER_TEXT = 'SQLite format 3\u0000';

/** SQLite's file header is 100 bytes; a shorter file was cut off. */
export const SQLITE_HEADER_BYTES = 100;
