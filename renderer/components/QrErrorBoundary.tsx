import { Component, type ReactNode } from 'react';

/**
 * A QR code that cannot be drawn (a payload too long for any QR code, say from a journal row written
 * before the till capped code_url) must not take the whole page down with it: React unmounts the
 * whole tree on an uncaught render error, which blanked both screens (issue 22). This shows the
 * words the caller gives instead, and tries again when the payload changes (key it by payload).
 */
export class QrErrorBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('QR code not shown:', error instanceof Error ? error.message : String(error));
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
