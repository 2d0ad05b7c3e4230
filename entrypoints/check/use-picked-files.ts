import { useState, type DragEvent } from 'react';
import { fromDrop, fromFileList, mergePicked, type PickedFile } from './collect';

/** The files and folders the user added (by picker or drop), without duplicates. */
export function usePickedFiles() {
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [dragging, setDragging] = useState(false);

  const add = (added: PickedFile[]) => {
    if (added.length > 0) setFiles((current) => mergePicked(current, added));
  };
  const addList = (list: FileList | null) => add(fromFileList(list ?? []));
  const remove = (picked: PickedFile) => setFiles((current) => current.filter((p) => p !== picked));
  const clear = () => setFiles([]);

  const dropHandlers = {
    onDragOver: (event: DragEvent<HTMLElement>) => {
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (event: DragEvent<HTMLElement>) => {
      event.preventDefault();
      setDragging(false);
      void fromDrop(event.dataTransfer).then(add);
    },
  };

  return { files, addList, remove, clear, dragging, dropHandlers };
}
