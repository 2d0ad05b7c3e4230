import { useState } from 'react';
import { useDropZone } from '@/components/use-drop-zone';
import { fromDrop, fromFileList, mergePicked, type PickedFile } from './collect';

/** The files and folders the user added (by picker or drop), without duplicates. */
export function usePickedFiles() {
  const [files, setFiles] = useState<PickedFile[]>([]);

  const add = (added: PickedFile[]) => {
    if (added.length > 0) setFiles((current) => mergePicked(current, added));
  };
  const addList = (list: FileList | null) => add(fromFileList(list ?? []));
  const remove = (picked: PickedFile) => setFiles((current) => current.filter((p) => p !== picked));
  const clear = () => setFiles([]);

  const { dragging, dropHandlers } = useDropZone((data) => void fromDrop(data).then(add));

  return { files, addList, remove, clear, dragging, dropHandlers };
}
