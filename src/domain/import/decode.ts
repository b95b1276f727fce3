// Turns the bytes of a user's file into text. Chinese spreadsheets are saved as UTF-8 (with or
// without BOM), as GBK by older Excel/WPS "CSV" exports, or as UTF-16 by Excel's "Unicode text".
// Browsers and Node both ship these decoders (TextDecoder), so nothing is hand-written here but
// the order in which they are tried.
import { checkImportSize } from './limits.ts';
import { issue, type ImportIssue } from './issues.ts';

export type ImportInput = string | ArrayBuffer | Uint8Array;
export type TextEncodingName = 'text' | 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; byteLength: number }
  | { ok: false; error: ImportIssue };

function bytesOf(input: ArrayBuffer | Uint8Array): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function binaryIssue(fileName: string, what: { zh: string; en: string }): ImportIssue {
  return issue(
    'encoding-unreadable',
    `文件“${fileName}”${what.zh}，不是文本文件。请在 Excel/WPS 中“另存为”CSV（UTF-8）后再导入。`,
    `File "${fileName}" ${what.en}, not a text file. Save it as CSV (UTF-8) from Excel/WPS and import that.`,
  );
}

export function decodeText(input: ImportInput, fileName: string): DecodeResult {
  if (typeof input === 'string') {
    const byteLength = new Blob([input]).size;
    const tooLarge = checkImportSize(byteLength, fileName);
    if (tooLarge) return { ok: false, error: tooLarge };
    return { ok: true, text: input.replace(/^\uFEFF/, ''), encoding: 'text', byteLength };
  }
  const bytes = bytesOf(input);
  const tooLarge = checkImportSize(bytes.byteLength, fileName);
  if (tooLarge) return { ok: false, error: tooLarge };

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    if (text !== null) return { ok: true, text, encoding: 'utf-8', byteLength: bytes.byteLength };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    const text = tryDecode('utf-16le', bytes.subarray(2));
    if (text !== null) return { ok: true, text, encoding: 'utf-16le', byteLength: bytes.byteLength };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    const text = tryDecode('utf-16be', bytes.subarray(2));
    if (text !== null) return { ok: true, text, encoding: 'utf-16be', byteLength: bytes.byteLength };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return { ok: false, error: binaryIssue(fileName, { zh: '看起来是 Excel 工作簿（.xlsx）或压缩包', en: 'looks like an Excel workbook (.xlsx) or a zip archive' }) };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { ok: false, error: binaryIssue(fileName, { zh: '看起来是旧版 Excel 工作簿（.xls）', en: 'looks like an old Excel workbook (.xls)' }) };
  }
  if (bytes.subarray(0, 4096).includes(0)) {
    return { ok: false, error: binaryIssue(fileName, { zh: '含有二进制内容', en: 'contains binary data' }) };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8', byteLength: bytes.byteLength };
  const gbk = tryDecode('gbk', bytes);
  if (gbk !== null) return { ok: true, text: gbk, encoding: 'gbk', byteLength: bytes.byteLength };
  return {
    ok: false,
    error: issue(
      'encoding-unreadable',
      `无法识别文件“${fileName}”的文字编码（既不是 UTF-8，也不是 GBK）。请另存为 CSV（UTF-8）后再导入。`,
      `Cannot read the text encoding of "${fileName}" (neither UTF-8 nor GBK). Save it as CSV (UTF-8) and import that.`,
    ),
  };
}

/** The note shown when a file was read as GBK, so a garbled result can be traced to its cause. */
export function gbkNotice(fileName: string): ImportIssue {
  return issue(
    'encoding-gbk',
    `文件“${fileName}”不是 UTF-8 编码，已按 GBK（简体中文 Windows/Excel 默认）读取。若名称显示为乱码，请另存为 CSV（UTF-8）。`,
    `"${fileName}" is not UTF-8; it was read as GBK (the default of Chinese Windows/Excel). If names look garbled, save it as CSV (UTF-8).`,
  );
}
