// @vitest-environment jsdom
import { cleanup, createEvent, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useDropZone } from '@/components/use-drop-zone';

afterEach(cleanup);

function Target({ onFiles }: { onFiles: (data: DataTransfer) => void }) {
  const { dragging, dropHandlers } = useDropZone(onFiles);
  return <section aria-label="drop" data-dragging={String(dragging)} {...dropHandlers} />;
}

describe('useDropZone', () => {
  it('highlights while dragged over and clears when the drag leaves', () => {
    render(<Target onFiles={() => {}} />);
    const zone = screen.getByRole('region', { name: 'drop' });
    expect(zone.dataset.dragging).toBe('false');
    // A dragover whose default is not prevented would make the zone refuse the drop.
    expect(fireEvent.dragOver(zone)).toBe(false);
    expect(zone.dataset.dragging).toBe('true');
    fireEvent.dragLeave(zone);
    expect(zone.dataset.dragging).toBe('false');
  });

  it('hands the dropped DataTransfer to the caller once, stops the browser opening the file, and clears the highlight', () => {
    const received: DataTransfer[] = [];
    render(<Target onFiles={(data) => received.push(data)} />);
    const zone = screen.getByRole('region', { name: 'drop' });
    fireEvent.dragOver(zone);
    const dataTransfer = { files: [], items: [], types: ['Files'] };
    const drop = createEvent.drop(zone, { dataTransfer });
    fireEvent(zone, drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(received).toHaveLength(1);
    expect(received[0]).toBe(dataTransfer);
    expect(zone.dataset.dragging).toBe('false');
  });
});
