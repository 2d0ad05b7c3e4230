/**
 * The part of lzma1 (MIT) the 7z reader uses. lzma1 publishes its TypeScript sources as its types, and those do not
 * pass this project's `noUncheckedIndexedAccess`; tsconfig.json maps the module here so tsc checks our use of it
 * and not the library's internals. Vite still loads the package's own build (lib/index.js).
 */
declare module 'lzma1' {
  /** Decodes an .lzma ("LZMA alone") stream: 5 property bytes, the 64-bit unpacked size, the data. */
  export function decompress(data: Uint8Array | ArrayBuffer): Uint8Array;
}
