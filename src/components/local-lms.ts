/** Whether the module runs inside Frontline's own local LMS, which has a page to start a new attempt from. */

/**
 * The local LMS's learning page (where Take again starts a new attempt) when this module
 * runs in that LMS's launch page, else null. The launch page is on the module's origin, so
 * its address can be read; any other LMS's frame is usually on another origin and throws.
 */
export function localLmsPage(win: Pick<Window, 'parent'> = window): string | null {
  try {
    const parent = win.parent as Window | null;
    if (!parent || parent === win) return null;
    const { origin, pathname } = parent.location;
    return pathname.startsWith('/learn/launch/') ? `${origin}/learn` : null;
  } catch {
    return null;
  }
}
