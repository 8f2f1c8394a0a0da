// The window's size and position, remembered between runs: restored only where it is still on a screen (a monitor
// may have been unplugged), never smaller than the layout's minimum, and the default size when nothing usable was
// kept.

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rectangle {
  maximized: boolean;
}

/** The layout works from 1280×800 up. */
export const MIN_WINDOW_SIZE = { width: 1024, height: 700 } as const;
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
/** A window counts as on a screen when at least this much of its title-bar area overlaps a display's work area. */
const MIN_VISIBLE = { width: 100, height: 50 } as const;

/** Where to open the window: saved bounds when usable; otherwise a default size (x/y omitted: centred). */
export interface InitialWindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** A kept window state read back from the settings file, or null when any field is missing or not a whole number. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const { x, y, width, height, maximized } = record;
  if (!isWholeNumber(x) || !isWholeNumber(y) || !isWholeNumber(width) || !isWholeNumber(height)) return null;
  if (width <= 0 || height <= 0 || typeof maximized !== 'boolean') return null;
  return { x, y, width, height, maximized };
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** The bounds to open with, given what was kept and the work areas of the displays attached now. */
export function initialWindowBounds(saved: WindowState | null, workAreas: readonly Rectangle[]): InitialWindowBounds {
  const fallback: InitialWindowBounds = { ...DEFAULT_WINDOW_SIZE, maximized: saved?.maximized ?? false };
  if (saved === null) return fallback;
  const width = Math.max(saved.width, MIN_WINDOW_SIZE.width);
  const height = Math.max(saved.height, MIN_WINDOW_SIZE.height);
  const titleBar: Rectangle = { x: saved.x, y: saved.y, width, height: Math.min(height, MIN_VISIBLE.height) };
  const visible = workAreas.some((area) => {
    const shared = overlap(titleBar, area);
    return shared.width >= MIN_VISIBLE.width && shared.height >= Math.min(MIN_VISIBLE.height, titleBar.height);
  });
  if (!visible) return fallback;
  return { x: saved.x, y: saved.y, width, height, maximized: saved.maximized };
}

/** What a window reports about itself; the normal bounds are those it returns to when un-maximised. */
export interface MeasurableWindow {
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
}

export function captureWindowState(window: MeasurableWindow): WindowState {
  const bounds = window.getNormalBounds();
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
    maximized: window.isMaximized(),
  };
}
