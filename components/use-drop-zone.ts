import { useState, type DragEvent } from 'react';

/** Handlers to spread on a drop target, and whether something is being dragged over it. */
export interface DropZone {
  dragging: boolean;
  dropHandlers: {
    onDragOver: (event: DragEvent<HTMLElement>) => void;
    onDragLeave: () => void;
    onDrop: (event: DragEvent<HTMLElement>) => void;
  };
}

/**
 * A drop target shared by 预检 and 批量预检. The caller turns the dropped `DataTransfer` into its own picks (files,
 * or whole folders walked entry by entry), so the hook only owns the highlight and keeps the browser from opening
 * the dropped file in place of the page (the default action of a drop).
 */
export function useDropZone(onFiles: (data: DataTransfer) => void): DropZone {
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    dropHandlers: {
      onDragOver: (event) => {
        event.preventDefault();
        setDragging(true);
      },
      onDragLeave: () => setDragging(false),
      onDrop: (event) => {
        event.preventDefault();
        setDragging(false);
        onFiles(event.dataTransfer);
      },
    },
  };
}
