// GB18030 encoding for fixtures and the benchmark (Node's TextEncoder only writes UTF-8). Decoding in the
// product uses the built-in TextDecoder('gb18030'); iconv-lite is a development dependency only.
import iconv from 'iconv-lite';

export function encodeGb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}
