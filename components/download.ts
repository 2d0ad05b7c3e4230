/** Saves a blob the way a download link does; pages take it as a prop so tests can read what would be saved. */
export type SaveFile = (name: string, blob: Blob) => void;

export const downloadFile: SaveFile = (name, blob) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in Chrome before it has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
