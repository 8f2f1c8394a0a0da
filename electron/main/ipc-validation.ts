// Main trusts nothing a page sends. A message is answered only when it comes from the top frame of the app's own
// protocol (parsed with URL), and every argument arrives as `unknown` and becomes a typed value only here: paths,
// file names, texts and byte arrays, each with a size limit. Refusals are values with named codes.

import { extname, isAbsolute } from 'node:path';
import {
  desktopFailed,
  desktopOk,
  MAX_FILE_NAME_CHARS,
  MAX_PATH_CHARS,
  WORKBOOK_EXTENSION,
  type DesktopResult,
} from '../ipc-contract';
import { isAppUrl } from './security';

/** The part of an IPC event main looks at: the frame that sent it. */
export interface IpcSenderEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

export function isTrustedSender(event: IpcSenderEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url);
}

export function senderRefused<T>(): DesktopResult<T> {
  return desktopFailed('ipc_sender_refused', 'The request did not come from the workbench page, so it was refused.');
}

function invalid<T>(what: string): DesktopResult<T> {
  return desktopFailed('ipc_argument_invalid', `The request was refused: ${what}.`);
}

export function checkArgumentCount(args: readonly unknown[], count: number): DesktopResult<null> {
  return args.length === count ? desktopOk(null) : invalid(`it takes ${count} argument${count === 1 ? '' : 's'}, not ${args.length}`);
}

/** An absolute path to a workbook file (".cwb"), of a sane length, without NUL characters. */
export function checkWorkbookPath(value: unknown): DesktopResult<string> {
  if (typeof value !== 'string' || value.length === 0) return invalid('the path is not text');
  if (value.length > MAX_PATH_CHARS) return invalid(`the path is longer than ${MAX_PATH_CHARS} characters`);
  if (value.includes('\0')) return invalid('the path holds a NUL character');
  if (!isAbsolute(value)) return invalid('the path is not absolute');
  if (extname(value).toLowerCase() !== `.${WORKBOOK_EXTENSION}`) return invalid(`the path does not end in .${WORKBOOK_EXTENSION}`);
  return desktopOk(value);
}

/** Bytes as a Uint8Array (Electron delivers a Buffer, which is one), not empty, at most `maxBytes`. */
export function checkBytes(value: unknown, maxBytes: number, what: string): DesktopResult<Uint8Array> {
  if (!(value instanceof Uint8Array)) return invalid(`the ${what} is not a byte array`);
  if (value.length === 0) return invalid(`the ${what} is empty`);
  if (value.length > maxBytes) {
    return desktopFailed('file_too_large', `The ${what} is larger than ${formatMegabytes(maxBytes)}, the most the app takes.`);
  }
  return desktopOk(value);
}

export function checkText(value: unknown, maxChars: number, what: string): DesktopResult<string> {
  if (typeof value !== 'string') return invalid(`the ${what} is not text`);
  if (value.length > maxChars) return invalid(`the ${what} is longer than ${maxChars} characters`);
  return desktopOk(value);
}

/** A plain file name to suggest in a save dialog: no folders, no control characters, not "." or "..". */
export function checkFileName(value: unknown): DesktopResult<string> {
  if (typeof value !== 'string' || value.length === 0) return invalid('the file name is not text');
  if (value.length > MAX_FILE_NAME_CHARS) return invalid(`the file name is longer than ${MAX_FILE_NAME_CHARS} characters`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[/\\\u0000-\u001f\u007f]/.test(value) || value === '.' || value === '..') return invalid('the file name names a folder or holds control characters');
  return desktopOk(value);
}

export function checkBoolean(value: unknown, what: string): DesktopResult<boolean> {
  return typeof value === 'boolean' ? desktopOk(value) : invalid(`${what} is not true or false`);
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`;
}
